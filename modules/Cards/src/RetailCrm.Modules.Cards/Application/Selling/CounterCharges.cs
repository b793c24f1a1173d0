using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Application.Selling;

/// <summary>
/// Fees and deposits (decision: cash taken at the counter, never taken off the card): they are recorded as
/// <see cref="CardCharge"/> rows beside the ledger, in the caller's transaction, and the card's balance does not move.
/// </summary>
internal sealed class CounterCharges(CardsDbContext db, ICurrentUser user, TimeProvider time)
{
    /// <summary>Adds a charge (saved with the caller's next SaveChanges); nothing when the amount is zero.</summary>
    public CardCharge? Add(Guid cardId, CardChargeKind kind, long amount, string currency, string? storeCode, string? receiptId, string? reference = null)
    {
        if (amount == 0)
        {
            return null;
        }

        var charge = new CardCharge
        {
            Id = Guid.NewGuid(),
            CardId = cardId,
            Kind = kind,
            Amount = amount,
            Currency = currency,
            StoreCode = Trim(storeCode, 50),
            ReceiptId = Trim(receiptId, 100),
            Reference = Trim(reference, 200),
            UserName = user.UserName ?? "system",
            OccurredAt = time.GetUtcNow().UtcDateTime,
        };
        db.Set<CardCharge>().Add(charge);
        return charge;
    }

    /// <summary>The product's card fee and deposit, taken when a card is sold.</summary>
    public IReadOnlyList<CardCharge> Sale(Guid cardId, CardProduct product, string? storeCode, string? receiptId, string? reference = null) =>
        new[]
        {
            Add(cardId, CardChargeKind.Fee, product.Fee, product.Currency, storeCode, receiptId, reference),
            Add(cardId, CardChargeKind.Deposit, product.Deposit, product.Currency, storeCode, receiptId, reference),
        }.OfType<CardCharge>().ToList();

    /// <summary>The deposit still held for the card (deposits taken less deposits paid back).</summary>
    public Task<long> DepositHeldAsync(Guid cardId, CancellationToken cancellationToken) =>
        db.Set<CardCharge>().AsNoTracking()
            .Where(c => c.CardId == cardId && (c.Kind == CardChargeKind.Deposit || c.Kind == CardChargeKind.DepositRefund))
            .SumAsync(c => c.Amount, cancellationToken);

    private static string? Trim(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var t && t.Length > max ? t[..max] : value.Trim();
}
