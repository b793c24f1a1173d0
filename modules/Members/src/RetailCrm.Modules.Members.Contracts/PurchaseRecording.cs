using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Contracts;

/// <summary>One line of a sale another module closed.</summary>
/// <param name="Sku">The product code, or null.</param>
/// <param name="Description">What was sold.</param>
/// <param name="Quantity">How many.</param>
/// <param name="UnitPrice">The price of one, in minor units.</param>
/// <param name="Amount">What the line costs after any discount, in minor units.</param>
public sealed record SaleLine(string? Sku, string Description, decimal Quantity, long UnitPrice, long Amount);

/// <summary>A sale another module closed (a won deal) to record as a purchase of a customer.</summary>
/// <param name="CustomerId">The customer who bought.</param>
/// <param name="ReceiptId">Unique per sale: recording the same receipt again answers the first purchase, so a retry is safe.</param>
/// <param name="SoldAt">When (UTC).</param>
/// <param name="Amount">The total, in minor units.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Lines">What was sold; their amounts add up to <paramref name="Amount"/>.</param>
public sealed record Sale(Guid CustomerId, string ReceiptId, DateTime SoldAt, long Amount, string Currency, IReadOnlyList<SaleLine> Lines)
{
    /// <summary>The store the sale was made in, when it was made in one.</summary>
    public string? StoreCode { get; init; }
}

/// <summary>Records sales of other modules as members purchases, so the customer's statistics, lifecycle class and points follow.</summary>
public interface IPurchaseRecording
{
    /// <summary>The purchase's id, or the members refusal (the fields at fault, or 409 for other content under the same receipt).</summary>
    /// <param name="sale">The sale.</param>
    /// <param name="source">Who records it, e.g. <c>sales</c>.</param>
    /// <param name="cancellationToken">Stops the work; nothing is half-written.</param>
    Task<Result<Guid>> RecordAsync(Sale sale, string source, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records many sales in one transaction (an ERP's day, demo data): every sale or none. Answers how many were new
    /// (a receipt recorded before answers its first purchase and counts for nothing), or the first sale's refusal.
    /// </summary>
    /// <param name="sales">The sales, in the order they happened.</param>
    /// <param name="source">Who records them.</param>
    /// <param name="cancellationToken">Stops the work; nothing is written.</param>
    Task<Result<int>> RecordAllAsync(IReadOnlyList<Sale> sales, string source, CancellationToken cancellationToken = default);
}
