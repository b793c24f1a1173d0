using RetailCrm.Modules.Cards.Contracts.Events;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Domain.Selling;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>The cards integration events, made from the card and the ledger entries of the change they tell of (numbers masked).</summary>
internal static class CardEvents
{
    public static CardSoldIntegrationEvent Sold(Guid cardId, string number, CardProduct product, CardSale sale, long value, string? receiptId, Guid? bulkSaleId = null) =>
        new(new CardAndHolder(cardId, Card.Mask(number), sale.HolderId, sale.HolderCode), product.Id, product.Code, sale.StoreCode, value, product.Fee, product.Deposit,
            product.Currency, Blank(receiptId), bulkSaleId, sale.At);

    public static CardPaidIntegrationEvent Paid(Card card, LedgerEntry payment, long pointsEarned, long balanceAfter) =>
        new(payment.Id, Of(card), payment.StoreCode, card.StoreCode, payment.ReceiptId, -payment.Amount, pointsEarned, balanceAfter, card.Currency, payment.OccurredAt);

    public static CardPaymentRefundedIntegrationEvent Refunded(Card card, LedgerEntry credit, long pointsTakenBack, long balanceAfter) =>
        new(credit.Id, credit.OriginalEntryId!.Value, Of(card), credit.StoreCode, credit.ReceiptId,
            credit.Kind == Contracts.LedgerEntryKind.Reversal, credit.Amount, pointsTakenBack, balanceAfter, card.Currency, credit.OccurredAt);

    public static CardToppedUpIntegrationEvent ToppedUp(Card card, LedgerEntry topUp, long balanceAfter) =>
        new(topUp.Id, Of(card), topUp.StoreCode, topUp.ReceiptId, topUp.Amount, balanceAfter, card.Currency, topUp.OccurredAt);

    public static CardExchangedIntegrationEvent Exchanged(CardExchange exchange, Card old, string currency) =>
        new(exchange.Id, Of(old), new CardAndHolder(exchange.NewCardId, Card.Mask(exchange.NewNumber), old.HolderCustomerId, old.HolderCode),
            exchange.LocationCode, exchange.Balance, exchange.Points, exchange.Fee, currency, exchange.ExchangedAt);

    public static CardClosedIntegrationEvent Closed(Card card, string? storeCode, long balance, long deposit, long points, DateTime at) =>
        new(Of(card), Blank(storeCode), balance, deposit, points, card.Currency, at);

    private static CardAndHolder Of(Card card) => new(card.Id, Card.Mask(card.Number), card.HolderCustomerId, card.HolderCode);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
