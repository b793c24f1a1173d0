using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;

namespace RetailCrm.Modules.Cards.Application.Cards;

internal sealed record CreateCardsInput([Required] Guid? ProductId, [Range(1, 1000)] int? Quantity);

internal sealed record ActivationInput(
    [Required][StringLength(40, MinimumLength = 1)] string? MemberCode,
    [Range(0, long.MaxValue)] long? InitialTopUp,
    [StringLength(8)] string? Pin,
    [StringLength(50)] string? StoreCode,
    [StringLength(100)] string? ReceiptId);

internal sealed record TopUpInput(
    [Required][Range(1, long.MaxValue)] long? Amount,
    [StringLength(100)] string? ReceiptId,
    [StringLength(50)] string? StoreCode);

internal sealed record PaymentInput(
    [Required][Range(1, long.MaxValue)] long? Amount,
    [StringLength(100)] string? ReceiptId,
    [StringLength(8)] string? Pin,
    [StringLength(50)] string? StoreCode);

/// <summary>Points redemption (积分兑换): the points leave the card; the reason says for what.</summary>
internal sealed record PointsRedemptionInput(
    [Required][Range(1, long.MaxValue)] long? Points,
    [Required][StringLength(200, MinimumLength = 1)] string? Reason,
    [StringLength(100)] string? ReceiptId,
    [StringLength(50)] string? StoreCode);

internal sealed record ReversalInput([StringLength(100)] string? ReceiptId, [StringLength(50)] string? StoreCode);

internal sealed record RefundInput(
    [Required][Range(1, long.MaxValue)] long? Amount,
    [StringLength(100)] string? ReceiptId,
    [StringLength(50)] string? StoreCode);

internal sealed record CardView(
    Guid Id,
    string Number,
    Guid ProductId,
    CardStatus Status,
    Guid? HolderCustomerId,
    string? HolderCode,
    long Balance,
    long Points,
    string Currency,
    bool HasPin,
    int FailedPinAttempts,
    string? StoreCode,
    DateTime CreatedAt,
    DateTime? ActivatedAt,
    DateTime? ExpiresAt,
    long Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ChargeView>? Charges = null)
{
    public static CardView From(Card c, bool masked = false) => new(c.Id, masked ? Card.Mask(c.Number) : c.Number, c.ProductId, c.Status,
        c.HolderCustomerId, c.HolderCode, c.Balance, c.Points, c.Currency, c.PinHash is not null, c.FailedPinAttempts, c.StoreCode,
        c.CreatedAt, c.ActivatedAt, c.ExpiresAt, c.Version);
}

internal sealed record LedgerEntryView(
    Guid Id,
    Guid CardId,
    LedgerEntryKind Kind,
    long Amount,
    long Points,
    long BalanceAfter,
    long PointsAfter,
    Guid? OriginalEntryId,
    string? Reference,
    string? ReceiptId,
    string? StoreCode,
    string? UserName,
    DateTime OccurredAt)
{
    public static LedgerEntryView From(LedgerEntry e) => new(e.Id, e.CardId, e.Kind, e.Amount, e.Points, e.BalanceAfter, e.PointsAfter,
        e.OriginalEntryId, e.Reference, e.ReceiptId, e.StoreCode, e.UserName, e.OccurredAt);
}

/// <summary>The answer to a money movement: the entry written and the card's balance and points after it.</summary>
internal sealed record TransactionView(Guid TransactionId, string CardNumber, LedgerEntryKind Kind, long Amount, long Balance, long Points, long PointsChange, string Currency);

internal sealed record PagedCards(IReadOnlyList<CardView> Items, int Total, int Page, int PageSize);

/// <summary>Money a counter took or paid back for a card besides its value (fee, deposit, exchange fee, deposit refund).</summary>
internal sealed record ChargeView(Guid Id, Guid CardId, CardChargeKind Kind, long Amount, string Currency, string? StoreCode, string? ReceiptId, string? Reference, string? UserName, DateTime OccurredAt)
{
    public static ChargeView From(CardCharge c) => new(c.Id, c.CardId, c.Kind, c.Amount, c.Currency, c.StoreCode, c.ReceiptId, c.Reference, c.UserName, c.OccurredAt);
}
