using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Analysis.Domain.Facts;

// The analysis module's own facts: copies of what other modules told it (integration events) or what a rebuild read
// from their Contracts feeds. Each fact's id is the other module's id, so an event delivered twice is stored once.

/// <summary>A purchase of a customer (negative amount: a return).</summary>
[NotAudited]
internal sealed class PurchaseFact : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CustomerId { get; set; }

    public string? StoreCode { get; set; }

    public string? ReceiptId { get; set; }

    public DateTime PurchasedAt { get; set; }

    public long Amount { get; set; }
}

/// <summary>A sold card and what is on it now.</summary>
[NotAudited]
internal sealed class CardFact : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string MaskedNumber { get; set; } = "";

    public string ProductCode { get; set; } = "";

    public Guid? CustomerId { get; set; }

    /// <summary>The store that sold the card; null for HQ.</summary>
    public string? StoreCode { get; set; }

    public DateTime? SoldAt { get; set; }

    /// <summary>The money sold onto the card with it, in minor units.</summary>
    public long SoldValue { get; set; }

    public long Balance { get; set; }

    public bool IsClosed { get; set; }

    public DateTime? LastActivityAt { get; set; }
}

/// <summary>One movement of money on a card (a ledger entry of the cards module).</summary>
[NotAudited]
internal sealed class CardEntryFact : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CardId { get; set; }

    public LedgerEntryKind Kind { get; set; }

    /// <summary>Positive onto the card, negative off it, in minor units.</summary>
    public long Amount { get; set; }

    public string? StoreCode { get; set; }

    public string? ReceiptId { get; set; }

    public DateTime OccurredAt { get; set; }
}

/// <summary>A service ticket of a customer: complaints and satisfaction answers feed the problem score.</summary>
[NotAudited]
internal sealed class TicketFact : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid? CustomerId { get; set; }

    public string TypeKey { get; set; } = "";

    public bool IsComplaint { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public int? CsatScore { get; set; }

    public DateTime? CsatAt { get; set; }
}

/// <summary>A deal of the sales pipeline.</summary>
[NotAudited]
internal sealed class DealFact : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CustomerId { get; set; }

    public Guid OwnerUserId { get; set; }

    public OpportunityStatus Status { get; set; }

    public long Amount { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ClosedAt { get; set; }
}
