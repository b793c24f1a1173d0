using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Application.Purchases;

/// <summary>Other modules' sales (a won deal) through the same <see cref="PurchaseRecorder"/> as the tills' receipts; many at once through <see cref="PurchaseBatch"/>.</summary>
internal sealed class PurchaseRecording(PurchaseRecorder recorder, PurchaseBatch batch) : IPurchaseRecording
{
    public async Task<Result<Guid>> RecordAsync(Sale sale, string source, CancellationToken cancellationToken = default)
    {
        var recorded = await recorder.RecordAsync(Input(sale), source, cancellationToken);
        return recorded.IsRefused ? recorded.Refusal : recorded.Value.Purchase.Id;
    }

    public Task<Result<int>> RecordAllAsync(IReadOnlyList<Sale> sales, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sales);
        return batch.RecordAllAsync([.. sales.Select(Input)], source, cancellationToken);
    }

    private static PurchaseInput Input(Sale sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        return new PurchaseInput
        {
            CustomerId = sale.CustomerId,
            ReceiptId = sale.ReceiptId,
            StoreCode = sale.StoreCode,
            PurchasedAt = DateTime.SpecifyKind(sale.SoldAt, DateTimeKind.Utc),
            Amount = sale.Amount,
            Currency = sale.Currency,
            Lines = [.. sale.Lines.Select(l => new PurchaseLineInput { Sku = l.Sku, Description = l.Description, Quantity = l.Quantity, UnitPrice = l.UnitPrice, Amount = l.Amount })],
        };
    }
}
