using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>
/// Top-up within the product's limits. Like a payment, a second top-up with the card's receipt id (checked after
/// the limits and the card's status) is the first again (same amount) or refused (another amount), also when they race.
/// </summary>
internal sealed class CardTopUps(CardsDbContext db, CardQueries cards, CardLedger ledger, ReceiptReplay receipts, IEventBus events, TimeProvider time)
{
    public Task<Result<TransactionView>> TopUpAsync(string number, TopUpInput input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return cards.WithUsableAsync(number, now, card => TopUpAsync(card, input, now, cancellationToken), cancellationToken);
    }

    private async Task<Result<TransactionView>> TopUpAsync(Card card, TopUpInput input, DateTime now, CancellationToken cancellationToken)
    {
        var amount = input.Amount!.Value;
        var product = await db.Set<CardProduct>().AsNoTracking().FirstAsync(p => p.Id == card.ProductId, cancellationToken);
        if (product.WhyNotTopUp(amount, "amount") is { } limit)
        {
            return limit;
        }

        var maxBalance = product.MaxBalance;
        return await receipts.OnceAsync(card, LedgerEntryKind.TopUp, input.ReceiptId, amount, () => ledger.AtomicAsync<TransactionView>(async () =>
        {
            var moved = await ledger.MoveAsync(new LedgerMove(card.Id, input.ReceiptId, input.StoreCode, [new LedgerLine(LedgerEntryKind.TopUp, amount)]), cancellationToken,
                Card.UsableAt(now), c => c.Balance + amount <= maxBalance);
            if (moved is null)
            {
                var current = await db.Set<Card>().AsNoTracking().FirstAsync(c => c.Id == card.Id, cancellationToken);
                return current.WhyNotUsable(now) ?? Refuse.Invalid("amount", "The balance would exceed the product's maximum of {0} (balance now {1}).",
                    new MoneyAmount(maxBalance, current.Currency), new MoneyAmount(current.Balance, current.Currency));
            }

            var entry = moved.Entries[0];
            events.Publish(CardEvents.ToppedUp(card, entry, moved.After.Balance));
            await db.SaveChangesAsync(cancellationToken);
            return new TransactionView(entry.Id, card.Number, entry.Kind, amount, moved.After.Balance, moved.After.Points, 0, card.Currency);
        }, cancellationToken), cancellationToken);
    }
}
