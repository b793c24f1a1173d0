using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Members.Domain;

/// <summary>A purchase (消费记录) recorded against a customer; the receipt id makes recording idempotent.</summary>
internal sealed class Purchase : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CustomerId { get; set; }

    /// <summary>The till's or ERP's receipt id; unique per tenant.</summary>
    public string ReceiptId { get; set; } = "";

    public string? StoreCode { get; set; }

    public DateTime PurchasedAt { get; set; }

    /// <summary>Amount in minor units (fen); negative for a return.</summary>
    public long Amount { get; set; }

    public string Currency { get; set; } = "CNY";

    public string? Tender { get; set; }

    /// <summary>Where it came from: api, import, or a plugin's name.</summary>
    public string Source { get; set; } = "api";

    public DateTime RecordedAt { get; set; }

    public List<PurchaseLine> Lines { get; set; } = [];
}

internal sealed class PurchaseLine : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid PurchaseId { get; set; }

    /// <summary>Position on the receipt, from 1; lines are listed and compared in this order.</summary>
    public int LineNo { get; set; }

    public string? Sku { get; set; }

    public string Description { get; set; } = "";

    public decimal Quantity { get; set; }

    public long UnitPrice { get; set; }

    public long Amount { get; set; }
}

/// <summary>One change of a customer's lifecycle class, with the rule that caused it.</summary>
internal sealed class LifecycleChange : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CustomerId { get; set; }

    public LifecycleClass From { get; set; }

    public LifecycleClass To { get; set; }

    public string Reason { get; set; } = "";

    public DateTime ChangedAt { get; set; }
}
