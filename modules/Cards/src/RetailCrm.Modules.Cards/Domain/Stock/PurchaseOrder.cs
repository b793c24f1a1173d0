using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Domain.Stock;

/// <summary>Where a purchase order of blanks is. Stored as numbers: new values go at the end.</summary>
internal enum PurchaseOrderStatus
{
    Draft,
    Ordered,
    PartlyReceived,
    Received,
    Cancelled,
}

/// <summary>
/// A purchase order of blank cards of one product (裸卡采购). <see cref="ReceivedQuantity"/> only grows by a
/// conditional update that keeps it at or below <see cref="Quantity"/>, so parallel receipts never over-receive.
/// </summary>
internal sealed class PurchaseOrder : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid SupplierId { get; set; }

    public Guid ProductId { get; set; }

    public int Quantity { get; set; }

    /// <summary>Price of one blank in minor units of <see cref="Currency"/>.</summary>
    public long UnitPrice { get; set; }

    public string Currency { get; set; } = "CNY";

    public DateOnly? ExpectedDate { get; set; }

    public PurchaseOrderStatus Status { get; set; }

    public int ReceivedQuantity { get; set; }

    public string? Note { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>One batch of blanks received against a purchase order into a location's blank stock. Append-only.</summary>
internal sealed class PurchaseReceipt : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid PurchaseOrderId { get; set; }

    public Guid ProductId { get; set; }

    /// <summary>The supplier's batch (lot) reference printed on the delivery.</summary>
    public string BatchReference { get; set; } = "";

    public int Quantity { get; set; }

    public string LocationCode { get; set; } = "";

    public string? UserName { get; set; }

    public DateTime ReceivedAt { get; set; }
}
