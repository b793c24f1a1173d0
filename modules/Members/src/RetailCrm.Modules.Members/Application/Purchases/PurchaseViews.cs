using RetailCrm.Modules.Members.Domain;

namespace RetailCrm.Modules.Members.Application.Purchases;

internal sealed record PurchaseLineView(int LineNo, string? Sku, string Description, decimal Quantity, long UnitPrice, long Amount);

/// <summary>A recorded purchase as the API shows it.</summary>
internal sealed record PurchaseView(
    Guid Id,
    Guid CustomerId,
    string CustomerCode,
    string ReceiptId,
    string? StoreCode,
    DateTime PurchasedAt,
    long Amount,
    string Currency,
    string? Tender,
    string Source,
    DateTime RecordedAt,
    IReadOnlyList<PurchaseLineView> Lines)
{
    public static PurchaseView From(Purchase p, string customerCode) => new(
        p.Id, p.CustomerId, customerCode, p.ReceiptId, p.StoreCode, Utc(p.PurchasedAt), p.Amount, p.Currency, p.Tender, p.Source, Utc(p.RecordedAt),
        p.Lines.OrderBy(l => l.LineNo).Select(l => new PurchaseLineView(l.LineNo, l.Sku, l.Description, l.Quantity, l.UnitPrice, l.Amount)).ToList());

    /// <summary>Times are stored in UTC; SQLite gives them back without a kind.</summary>
    internal static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

/// <summary>A purchase recorded now, or the same receipt with the same content recorded before (<see cref="AlreadyRecorded"/>: nothing new was recorded).</summary>
internal sealed record RecordedPurchase(PurchaseView Purchase, bool AlreadyRecorded);
