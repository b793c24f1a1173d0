using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Application.Purchases;

/// <summary>Other modules' sales (a won deal) through the same <see cref="PurchaseRecorder"/> as the tills' receipts.</summary>
internal sealed class PurchaseRecording(PurchaseRecorder recorder) : IPurchaseRecording
{
    public async Task<Result<Guid>> RecordAsync(Sale sale, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sale);
        var input = new PurchaseInput
        {
            CustomerId = sale.CustomerId,
            ReceiptId = sale.ReceiptId,
            StoreCode = sale.StoreCode,
            PurchasedAt = DateTime.SpecifyKind(sale.SoldAt, DateTimeKind.Utc),
            Amount = sale.Amount,
            Currency = sale.Currency,
            Lines = [.. sale.Lines.Select(l => new PurchaseLineInput { Sku = l.Sku, Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice, Amount = l.Amount })],
        };
        var recorded = await recorder.RecordAsync(input, source, cancellationToken);
        return recorded.IsRefused ? recorded.Refusal : recorded.Value.Purchase.Id;
    }
}
