using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Domain.Stock;

/// <summary>Where a store's request for cards is. Stored as numbers: new values go at the end.</summary>
internal enum StoreRequestStatus
{
    Requested,
    Approved,
    Rejected,
    Shipped,
    Received,
}

/// <summary>
/// A store asks HQ for cards of a product (门店空卡申请); HQ approves (maybe fewer) or rejects, ships, the store
/// receives. Quantities never grow along the way: requested ≥ approved ≥ shipped ≥ received.
/// </summary>
internal sealed class StoreRequest : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string StoreCode { get; set; } = "";

    public Guid ProductId { get; set; }

    public StoreRequestStatus Status { get; set; }

    public int RequestedQuantity { get; set; }

    public int? ApprovedQuantity { get; set; }

    public int ShippedQuantity { get; set; }

    public int ReceivedQuantity { get; set; }

    public string? Note { get; set; }

    public string? RejectionReason { get; set; }

    /// <summary>The HQ location the cards were shipped from.</summary>
    public string? FromLocationCode { get; set; }

    public string? RequestedBy { get; set; }

    public string? DecidedBy { get; set; }

    public string? ShippedBy { get; set; }

    public string? ReceivedBy { get; set; }

    public DateTime RequestedAt { get; set; }

    public DateTime? DecidedAt { get; set; }

    public DateTime? ShippedAt { get; set; }

    public DateTime? ReceivedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>One card of a request's shipment; after receipt, <see cref="Received"/> false means it did not arrive (a discrepancy).</summary>
internal sealed class ShipmentCard : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid StoreRequestId { get; set; }

    public Guid CardId { get; set; }

    public string Number { get; set; } = "";

    public bool Received { get; set; }
}
