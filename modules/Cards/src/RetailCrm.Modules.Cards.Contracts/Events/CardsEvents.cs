using RetailCrm.Sdk.Events;

namespace RetailCrm.Modules.Cards.Contracts.Events;

// What the cards module tells other modules (analysis, plugins) so that they can follow the money on cards without
// reading its tables. Every amount is in minor units (fen for CNY) of Currency; card numbers travel masked (all but the
// last four digits), the card id names the card. Each event is written to the cards outbox in the same SaveChanges as
// the change it tells of, so it is sent exactly when the change is committed.

/// <summary>The card an event is about, its number masked, and the customer who holds it (none for a card in stock).</summary>
public sealed record CardAndHolder(Guid CardId, string MaskedNumber, Guid? CustomerId, string? CustomerCode);

/// <summary>
/// A card was sold: activated for a member at a store (or HQ) with an optional first top-up, or as one card of an HQ
/// bulk sale to a company (<see cref="BulkSaleId"/> set). <see cref="Value"/> is the money put on the card;
/// <see cref="Fee"/> and <see cref="Deposit"/> were taken at the counter, not off the card.
/// </summary>
[IntegrationEvent("cards.card-sold")]
public sealed record CardSoldIntegrationEvent(
    CardAndHolder Card,
    Guid ProductId,
    string ProductCode,
    string? StoreCode,
    long Value,
    long Fee,
    long Deposit,
    string Currency,
    string? ReceiptId,
    Guid? BulkSaleId,
    DateTime OccurredAt);

/// <summary>
/// A card paid at a till. <see cref="StoreCode"/> is where it paid, <see cref="SoldByStoreCode"/> the store that sold the
/// card (they settle with HQ when they differ); <see cref="PointsEarned"/> are the points the payment earned.
/// </summary>
[IntegrationEvent("cards.card-paid")]
public sealed record CardPaidIntegrationEvent(
    Guid PaymentId,
    CardAndHolder Card,
    string? StoreCode,
    string? SoldByStoreCode,
    string? ReceiptId,
    long Amount,
    long PointsEarned,
    long BalanceAfter,
    string Currency,
    DateTime OccurredAt);

/// <summary>
/// Money of a payment went back onto the card: the whole payment (<see cref="Reversal"/>) or part of it (a refund).
/// <see cref="PointsTakenBack"/> are the points the payment had earned that left the card with it.
/// </summary>
[IntegrationEvent("cards.payment-refunded")]
public sealed record CardPaymentRefundedIntegrationEvent(
    Guid EntryId,
    Guid PaymentId,
    CardAndHolder Card,
    string? StoreCode,
    string? ReceiptId,
    bool Reversal,
    long Amount,
    long PointsTakenBack,
    long BalanceAfter,
    string Currency,
    DateTime OccurredAt);

/// <summary>Money was put on a card at a till or the counter.</summary>
[IntegrationEvent("cards.card-topped-up")]
public sealed record CardToppedUpIntegrationEvent(
    Guid EntryId,
    CardAndHolder Card,
    string? StoreCode,
    string? ReceiptId,
    long Amount,
    long BalanceAfter,
    string Currency,
    DateTime OccurredAt);

/// <summary>
/// A card was replaced by a new one of the same product at HQ or a store (<see cref="LocationCode"/>): its balance and
/// points moved to the new card, the old one is void. <see cref="Fee"/> was taken at the counter.
/// </summary>
[IntegrationEvent("cards.card-exchanged")]
public sealed record CardExchangedIntegrationEvent(
    Guid ExchangeId,
    CardAndHolder OldCard,
    CardAndHolder NewCard,
    string LocationCode,
    long Balance,
    long Points,
    long Fee,
    string Currency,
    DateTime OccurredAt);

/// <summary>
/// A card was closed: <see cref="BalanceRefunded"/> was paid out with <see cref="DepositRefunded"/>, and
/// <see cref="PointsWrittenOff"/> left the card.
/// </summary>
[IntegrationEvent("cards.card-closed")]
public sealed record CardClosedIntegrationEvent(
    CardAndHolder Card,
    string? StoreCode,
    long BalanceRefunded,
    long DepositRefunded,
    long PointsWrittenOff,
    string Currency,
    DateTime OccurredAt);
