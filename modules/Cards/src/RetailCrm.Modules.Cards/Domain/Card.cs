using System.Linq.Expressions;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Domain;

/// <summary>
/// One card and its rules: when it is usable, who may sell it and what a sale makes of it, which status changes it
/// allows (<see cref="CardTransition"/>) and in which statuses it still holds value. <see cref="Balance"/> and
/// <see cref="Points"/> are a cache of the card's ledger: they only change together with appended
/// <see cref="LedgerEntry"/> rows (through the card ledger), and the ledger check compares them.
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

    /// <summary>
    /// The statuses in which a card still holds its value, a liability: money may go back onto it (a reversal or a
    /// refund), it may be exchanged for a new card, or closed with its balance paid out.
    /// </summary>
    public static IReadOnlyList<CardStatus> ValueHoldingStatuses { get; } = [CardStatus.Active, CardStatus.Frozen, CardStatus.Lost, CardStatus.Expired];

    /// <summary><see cref="ValueHoldingStatuses"/> as a condition for queries and conditional updates.</summary>
    public static Expression<Func<Card, bool>> HoldingValue { get; } = c => ValueHoldingStatuses.Contains(c.Status);

    /// <summary>The statuses only a sold card reaches: those holding value, and closed (paid out). A void card may be spoiled stock.</summary>
    public static IReadOnlyList<CardStatus> SoldStatuses { get; } = [.. ValueHoldingStatuses, CardStatus.Closed];

    /// <summary>A card that was ever sold: activated, or in one of the <see cref="SoldStatuses"/> (cards older than the activation time), as a condition for queries.</summary>
    public static Expression<Func<Card, bool>> EverSold { get; } = c => c.ActivatedAt != null || SoldStatuses.Contains(c.Status);

    /// <summary>Whether a card of this status still holds its value (<see cref="ValueHoldingStatuses"/>).</summary>
    public static bool HoldsValue(CardStatus status) => ValueHoldingStatuses.Contains(status);

    /// <summary>A card in HQ stock or in a store's stock can be sold; produced cards are not put away yet, cards in transit not received.</summary>
    public static bool IsSellable(CardStatus status) => status is CardStatus.InStock or CardStatus.AtStore;

    /// <summary>Usable at the till (pay, top up, redeem points): active and not expired, as a condition for conditional updates.</summary>
    public static Expression<Func<Card, bool>> UsableAt(DateTime now) => c => c.Status == CardStatus.Active && (c.ExpiresAt == null || c.ExpiresAt > now);

    /// <summary>Why the card is not usable at the till now, or null when it is (see <see cref="UsableAt"/>).</summary>
    public Refusal? WhyNotUsable(DateTime now) =>
        Status != CardStatus.Active ? Refuse.CardNotActive("The card is {0}.", Status)
        : ExpiresAt is { } expires && expires <= now ? Refuse.CardNotActive("The card expired on {0:yyyy-MM-dd}.", expires)
        : null;

    /// <summary>
    /// Why the store may not sell the card now, or null when it may: a card in a store's stock is sold by that store only,
    /// a card in HQ stock by anyone.
    /// </summary>
    public Refusal? WhyNotSellableBy(string? storeCode) =>
        !IsSellable(Status) ? Refuse.Conflict("The card is {0}; only a card in stock can be activated.", Status)
        : Status == CardStatus.AtStore && !string.Equals(LocationCode, storeCode?.Trim(), StringComparison.OrdinalIgnoreCase)
            ? Refuse.Invalid("storeCode", "The card is in the stock of store {0}; only that store can sell it.", LocationCode ?? "")
        : null;

    /// <summary>
    /// Store sale (门店售卡): the card leaves stock for its holder with its PIN, valid from the sale. The first top-up, if
    /// any, goes through the ledger afterwards. Refused when <see cref="WhyNotSellableBy"/> says so.
    /// </summary>
    public Refusal? Activate(CardSale sale)
    {
        if (WhyNotSellableBy(sale.StoreCode) is { } refusal)
        {
            return refusal;
        }

        Status = CardStatus.Active;
        HolderCustomerId = sale.HolderId;
        HolderCode = sale.HolderCode;
        PinHash = sale.PinHash;
        FailedPinAttempts = 0;
        StoreCode = sale.StoreCode;
        LocationCode = null;
        ActivatedAt = sale.At;
        StatusChangedAt = sale.At;
        ExpiresAt = sale.ExpiresAt;
        Version++;
        return null;
    }

    /// <summary>Changes the status as <paramref name="transition"/> allows, or says why it does not.</summary>
    public Refusal? Change(CardTransition transition, DateTime now)
    {
        if (!transition.From.Contains(Status))
        {
            return transition.Refusal(Status);
        }

        Status = transition.To;
        StatusChangedAt = now;
        if (transition.ResetsPinAttempts)
        {
            FailedPinAttempts = 0;
        }

        Version++;
        return null;
    }

    /// <summary>
    /// The card passes to another holder, e.g. the survivor of merged customers; the change is kept in its history.
    /// Null when it has that holder already (nothing to do).
    /// </summary>
    public CardHolderChange? PassTo(Guid holderId, string holderCode, string reason, string reference, string? userName, DateTime now)
    {
        if (HolderCustomerId == holderId && HolderCode == holderCode)
        {
            return null;
        }

        var change = new CardHolderChange
        {
            Id = Guid.NewGuid(),
            CardId = Id,
            FromCustomerId = HolderCustomerId,
            FromCode = HolderCode,
            ToCustomerId = holderId,
            ToCode = holderCode,
            Reason = reason,
            Reference = reference,
            UserName = userName,
            OccurredAt = now,
        };
        HolderCustomerId = holderId;
        HolderCode = holderCode;
        Version++;
        return change;
    }

    public static string Mask(string number) =>
        number.Length <= 4 ? number : new string('*', number.Length - 4) + number[^4..];
}

/// <summary>What a sale makes of a stock card: its holder, PIN, the selling store or HQ, and its validity from the sale.</summary>
internal sealed record CardSale(Guid? HolderId, string? HolderCode, string? PinHash, string? StoreCode, DateTime At, DateTime? ExpiresAt)
{
    public static CardSale Of(CardProduct product, Guid? holderId, string? holderCode, string? pinHash, string? storeCode, DateTime at) =>
        new(holderId, holderCode, pinHash, string.IsNullOrWhiteSpace(storeCode) ? null : storeCode.Trim(), at, product.ExpiryOfCardSoldAt(at));
}

/// <summary>
/// A status change a card allows: from which statuses to which. Clerks freeze, unfreeze (which forgets the wrong
/// PINs), report loss and close; the daily job expires; an exchange voids the old card.
/// </summary>
internal sealed record CardTransition(string Action, IReadOnlyList<CardStatus> From, CardStatus To, bool ResetsPinAttempts = false)
{
    public static readonly CardTransition Freeze = new("freeze", [CardStatus.Active], CardStatus.Frozen);

    public static readonly CardTransition Unfreeze = new("unfreeze", [CardStatus.Frozen], CardStatus.Active, ResetsPinAttempts: true);

    /// <summary>Loss report (挂失): the card stops at once; its money stays for an exchange or a refund on close.</summary>
    public static readonly CardTransition ReportLoss = new("loss", [CardStatus.Active, CardStatus.Frozen], CardStatus.Lost);

    /// <summary>Close with refund: any card that still holds value.</summary>
    public static readonly CardTransition Close = new("close", Card.ValueHoldingStatuses, CardStatus.Closed);

    /// <summary>Expiry: an active or frozen card past its date; its balance stays (refunded on close or moved by an exchange).</summary>
    public static readonly CardTransition Expire = new("expire", [CardStatus.Active, CardStatus.Frozen], CardStatus.Expired);

    /// <summary>The old card of an exchange, once emptied onto the new one.</summary>
    public static readonly CardTransition VoidByExchange = new("exchange", Card.ValueHoldingStatuses, CardStatus.Void);

    /// <summary>The cards this change applies to, as a condition for conditional updates.</summary>
    public Expression<Func<Card, bool>> Applies => c => From.Contains(c.Status);

    /// <summary>Cards <see cref="Expire"/> applies to now: past their date.</summary>
    public static Expression<Func<Card, bool>> ExpiredBy(DateTime now) => c => Expire.From.Contains(c.Status) && c.ExpiresAt != null && c.ExpiresAt <= now;

    /// <summary>Why a card of <paramref name="status"/> cannot take this change.</summary>
    public Refusal Refusal(CardStatus status) =>
        this == Close ? Refuse.CardNotActive("The card is {0}; it cannot be closed.", status)
        : this == VoidByExchange ? Refuse.CardNotActive("The card is {0}; only an active, frozen, lost or expired card can be exchanged.", status)
        : Refuse.CardNotActive("The card is {0}; it cannot become {1}.", status, To);
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
