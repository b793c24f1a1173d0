using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>Points redemption (积分兑换): the points leave a usable card as a PointsRedeem entry; never below zero.</summary>
internal sealed class CardPoints(CardsDbContext db, CardQueries cards, CardLedger ledger, TimeProvider time)
{
    public Task<Result<TransactionView>> RedeemAsync(string number, PointsRedemptionInput input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return cards.WithUsableAsync(number, now, card => RedeemAsync(card, input, now, cancellationToken), cancellationToken);
    }

    private Task<Result<TransactionView>> RedeemAsync(Card card, PointsRedemptionInput input, DateTime now, CancellationToken cancellationToken)
    {
        var points = input.Points!.Value;
        return ledger.AtomicAsync<TransactionView>(async () =>
        {
            var redeemed = new LedgerLine(LedgerEntryKind.PointsRedeem, Points: -points) { Reference = "redeem: " + input.Reason!.Trim() };
            var moved = await ledger.MoveAsync(new LedgerMove(card.Id, input.ReceiptId, input.StoreCode, [redeemed]), cancellationToken, Card.UsableAt(now));
            if (moved is null)
            {
                var current = await db.Set<Card>().AsNoTracking().FirstAsync(c => c.Id == card.Id, cancellationToken);
                return current.WhyNotUsable(now) ?? Refuse.Invalid("points", "The card has {0} points; {1} cannot be redeemed.", current.Points, points);
            }

            await db.SaveChangesAsync(cancellationToken);
            return new TransactionView(redeemed.Id, card.Number, LedgerEntryKind.PointsRedeem, 0, moved.After.Balance, moved.After.Points, -points, card.Currency);
        }, cancellationToken);
    }
}
