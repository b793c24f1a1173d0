using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Application.Selling;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>
/// Close with refund (销卡退款): a card that still holds value is closed; its balance is paid out (Refund entry), its points
/// written off (Adjustment entry) and the deposit held for it paid back at the counter. The card's row is locked first, so
/// no payment lands between reading the balance and paying it out.
/// </summary>
internal sealed class CardClosing(CardsDbContext db, CardQueries cards, CardLedger ledger, CounterCharges charges, IEventBus events, TimeProvider time)
{
    public async Task<Result<CardView>> CloseAsync(string number, ReversalInput input, CancellationToken cancellationToken)
    {
        if (await cards.FindAsync(number, cancellationToken) is not { } found)
        {
            return Refuse.NotFound("No such card.");
        }

        return await ledger.AtomicAsync<CardView>(async () =>
        {
            if (await ledger.MoveAsync(LedgerMove.Lock(found.Id), cancellationToken, Card.HoldingValue) is not { } locked)
            {
                var status = await db.Set<Card>().AsNoTracking().Where(c => c.Id == found.Id).Select(c => c.Status).FirstAsync(cancellationToken);
                return CardTransition.Close.Refusal(status);
            }

            var (balance, points) = locked.After;
            var lines = new List<LedgerLine>(2);
            if (balance != 0)
            {
                lines.Add(new LedgerLine(LedgerEntryKind.Refund, -balance) { Reference = "close" });
            }

            if (points != 0)
            {
                lines.Add(new LedgerLine(LedgerEntryKind.Adjustment, Points: -points) { Reference = "close: points written off" });
            }

            if (lines.Count > 0)
            {
                _ = await ledger.MoveAsync(new LedgerMove(found.Id, input.ReceiptId, input.StoreCode, lines), cancellationToken)
                    ?? throw new InvalidOperationException("The locked card could not be emptied.");
            }

            // Read after the moves: the tracked card carries the version they left, which nobody else can move before commit.
            var card = await db.Set<Card>().FirstAsync(c => c.Id == found.Id, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            if (card.Change(CardTransition.Close, now) is { } refusal)
            {
                return refusal;
            }

            // The deposit taken at the sale goes back in cash with the balance.
            var deposit = await charges.DepositHeldAsync(card.Id, cancellationToken);
            var refund = deposit > 0 ? charges.Add(card.Id, CardChargeKind.DepositRefund, -deposit, card.Currency, input.StoreCode, input.ReceiptId, "close") : null;
            events.Publish(CardEvents.Closed(card, input.StoreCode, balance, Math.Max(0, deposit), points, now));
            await db.SaveChangesAsync(cancellationToken);
            return CardView.From(card) with { Charges = refund is null ? [] : [ChargeView.From(refund)] };
        }, cancellationToken);
    }
}
