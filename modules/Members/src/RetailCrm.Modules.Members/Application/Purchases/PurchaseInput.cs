namespace RetailCrm.Modules.Members.Application.Purchases;

/// <summary>One line of a receipt as the till, the ERP or an import row sends it; amounts in minor units.</summary>
internal sealed record PurchaseLineInput
{
    public string? Sku { get; init; }

    public string? Description { get; init; }

    public decimal? Quantity { get; init; }

    public long? UnitPrice { get; init; }

    public long? Amount { get; init; }
}

/// <summary>
/// A purchase (receipt) to record against a customer, named by id or by code. The receipt id makes
/// recording idempotent per tenant. <see cref="PurchasedAt"/> must carry its offset (or be UTC).
/// </summary>
internal sealed record PurchaseInput
{
    public Guid? CustomerId { get; init; }

    public string? CustomerCode { get; init; }

    public string? ReceiptId { get; init; }

    public string? StoreCode { get; init; }

    public DateTime? PurchasedAt { get; init; }

    /// <summary>Total in minor units (fen); negative for a return.</summary>
    public long? Amount { get; init; }

    /// <summary>ISO 4217 code; the tenant's main currency when missing.</summary>
    public string? Currency { get; init; }

    public string? Tender { get; init; }

    public IReadOnlyList<PurchaseLineInput>? Lines { get; init; }
}
