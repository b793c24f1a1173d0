using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Domain;

/// <summary>
/// One card. <see cref="Balance"/> and <see cref="Points"/> are a cache of the card's ledger: they only
/// change together with an appended <see cref="LedgerEntry"/>, and the ledger check compares them.
/// </summary>
internal sealed class Card : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The full number, unique per tenant; shown masked in lists and in the audit log.</summary>
    [Masked]
    public string Number { get; set; } = "";

    public Guid ProductId { get; set; }

    public CardStatus Status { get; set; }

    public Guid? HolderCustomerId { get; set; }

    public string? HolderCode { get; set; }

    /// <summary>Minor units of <see cref="Currency"/>; never negative.</summary>
    public long Balance { get; set; }

    public long Points { get; set; }

    public string Currency { get; set; } = "CNY";

    [Sensitive]
    public string? PinHash { get; set; }

    public int FailedPinAttempts { get; set; }

    /// <summary>The store that sold (activated) the card.</summary>
    public string? StoreCode { get; set; }

    /// <summary>The organization unit (HQ warehouse or store, by code) holding the card while it is stock; null once sold.</summary>
    public string? LocationCode { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ActivatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? StatusChangedAt { get; set; }

    /// <summary>Moved on by every write of the card, money updates included (concurrency token).</summary>
    public long Version { get; set; }

    public static string Mask(string number) =>
        number.Length <= 4 ? number : new string('*', number.Length - 4) + number[^4..];
}

/// <summary>
/// One append-only change of a card's balance or points. Never updated, never deleted. It is its own audit trail
/// (who, when, where, which receipt), so it is kept out of the generic audit log: a copy per entry would double the
/// till's writes.
/// </summary>
[NotAudited]
internal sealed class LedgerEntry : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CardId { get; set; }

    public LedgerEntryKind Kind { get; set; }

    /// <summary>Change of the balance in minor units: positive in, negative out.</summary>
    public long Amount { get; set; }

    /// <summary>Change of the points.</summary>
    public long Points { get; set; }

    public long BalanceAfter { get; set; }

    public long PointsAfter { get; set; }

    /// <summary>The entry this one reverses or refunds (a payment).</summary>
    public Guid? OriginalEntryId { get; set; }

    /// <summary>Free reference: <c>purchase:{id}</c> for points from a members purchase, a reason for adjustments.</summary>
    public string? Reference { get; set; }

    public string? ReceiptId { get; set; }

    public string? StoreCode { get; set; }

    public string? UserName { get; set; }

    public DateTime OccurredAt { get; set; }
}
