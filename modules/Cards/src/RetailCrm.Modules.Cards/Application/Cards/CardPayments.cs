using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>
/// Till payment (门店卡支付) and its undoing. A payment is refused when the card is not usable, the PIN is wrong (the card
/// locks after the product's number of wrong PINs in a row) or the balance is short, and earns points by the product's
/// rule as a separate ledger entry linked to it. A reversal undoes a whole payment once; refunds give back part or all of
/// it, never more than it, and none after a reversal. Status and PIN are checked before a receipt's earlier payment is
/// shown again (<see cref="ReceiptReplay"/>).
/// </summary>
internal sealed class CardPayments(CardsDbContext db, CardQueries cards, CardLedger ledger, ReceiptReplay receipts, IEventBus events, TimeProvider time)
{
    public Task<Result<TransactionView>> PayAsync(string number, PaymentInput input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return cards.WithUsableAsync(number, now, card => PayAsync(card, input, now, cancellationToken), cancellationToken);
    }

    private async Task<Result<TransactionView>> PayAsync(Card card, PaymentInput input, DateTime now, CancellationToken cancellationToken)
    {
        var amount = input.Amount!.Value;
        var product = await db.Set<CardProduct>().AsNoTracking().FirstAsync(p => p.Id == card.ProductId, cancellationToken);
        var checksPin = card.PinHash is not null;
        if (checksPin && (input.Pin is null || !Pins.Verify(input.Pin, card.PinHash!)))
        {
            return await WrongPinAsync(card, product, now, cancellationToken);
        }

        var points = product.PointsFor(amount);
        return await receipts.OnceAsync(card, LedgerEntryKind.Payment, input.ReceiptId, -amount, () => ledger.AtomicAsync<TransactionView>(async () =>
        {
            // The debit and the points it earns in one statement, two entries.
            var payment = new LedgerLine(LedgerEntryKind.Payment, -amount);
            LedgerLine[] lines = points > 0 ? [payment, new LedgerLine(LedgerEntryKind.PointsEarn, Points: points) { OriginalEntryId = payment.Id }] : [payment];
            var moved = await ledger.MoveAsync(new LedgerMove(card.Id, input.ReceiptId, input.StoreCode, lines) { ResetsPinAttempts = checksPin }, cancellationToken,
                Card.UsableAt(now));
            if (moved is null)
            {
                var current = await db.Set<Card>().AsNoTracking().FirstAsync(c => c.Id == card.Id, cancellationToken);
                return current.WhyNotUsable(now) ?? Refuse.InsufficientBalance("The balance is {0}; the payment needs {1}.",
                    new MoneyAmount(current.Balance, current.Currency), new MoneyAmount(amount, current.Currency));
            }

            events.Publish(CardEvents.Paid(card, moved.Entries[0], points, moved.After.Balance));
            await db.SaveChangesAsync(cancellationToken);
            return new TransactionView(payment.Id, card.Number, LedgerEntryKind.Payment, -amount, moved.After.Balance, moved.After.Points, points, card.Currency);
        }, cancellationToken), cancellationToken);
    }

    /// <summary>Undoes a whole payment once: the money goes back on the card and the points it earned are taken back (as far as they are left).</summary>
    public Task<Result<TransactionView>> ReverseAsync(Guid paymentId, ReversalInput input, CancellationToken cancellationToken) =>
        CreditAsync(paymentId, null, input.ReceiptId, input.StoreCode, cancellationToken);

    /// <summary>Refunds part or all of a payment onto the card; refunds of one payment never add up to more than it, and none after a reversal.</summary>
    public Task<Result<TransactionView>> RefundAsync(Guid paymentId, RefundInput input, CancellationToken cancellationToken) =>
        CreditAsync(paymentId, input.Amount!.Value, input.ReceiptId, input.StoreCode, cancellationToken);

    private async Task<Result<TransactionView>> CreditAsync(Guid paymentId, long? refund, string? receiptId, string? storeCode, CancellationToken cancellationToken)
    {
        var payment = await db.Set<LedgerEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == paymentId && e.Kind == LedgerEntryKind.Payment, cancellationToken);
        if (payment is null)
        {
            return Refuse.NotFound("No such card payment.");
        }

        var card = await db.Set<Card>().AsNoTracking().FirstAsync(c => c.Id == payment.CardId, cancellationToken);
        var paid = -payment.Amount;
        var amount = refund ?? paid;
        var kind = refund is null ? LedgerEntryKind.Reversal : LedgerEntryKind.Refund;
        return await ledger.AtomicAsync<TransactionView>(async () =>
        {
            // The card's row first: locked, so the checks below see every earlier reversal and refund.
            if (await ledger.MoveAsync(LedgerMove.Lock(card.Id), cancellationToken, Card.HoldingValue) is not { } locked)
            {
                return Refuse.CardNotActive("The card is closed or void; money cannot go back onto it.");
            }

            var earlier = await db.Set<LedgerEntry>().AsNoTracking()
                .Where(e => e.OriginalEntryId == payment.Id && (e.Kind == LedgerEntryKind.Reversal || e.Kind == LedgerEntryKind.Refund))
                .Select(e => new { e.Kind, e.Amount }).ToListAsync(cancellationToken);
            if (earlier.Any(e => e.Kind == LedgerEntryKind.Reversal))
            {
                return Refuse.AlreadyReversed("The payment was reversed already.");
            }

            if (kind == LedgerEntryKind.Reversal && earlier.Count > 0)
            {
                return Refuse.Conflict("The payment was partly refunded; refund the rest instead of reversing it.");
            }

            var refundedBefore = earlier.Sum(e => e.Amount);
            if (refundedBefore + amount > paid)
            {
                return Refuse.Invalid("amount", "Refunds of this payment would exceed it: paid {0}, refunded {1} already.",
                    new MoneyAmount(paid, card.Currency), new MoneyAmount(refundedBefore, card.Currency));
            }

            // Points taken back are their own entry, linked to the payment like the points it earned, as far as the card has them.
            var earned = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.OriginalEntryId == payment.Id && e.Kind == LedgerEntryKind.PointsEarn)
                .SumAsync(e => e.Points, cancellationToken);
            var takeBack = Math.Min((long)((Int128)earned * amount / paid), locked.After.Points);
            var credit = new LedgerLine(kind, amount) { OriginalEntryId = payment.Id };
            LedgerLine[] lines = takeBack > 0
                ? [credit, new LedgerLine(LedgerEntryKind.PointsRedeem, Points: -takeBack) { OriginalEntryId = payment.Id, Reference = kind.ToString() }]
                : [credit];
            var moved = await ledger.MoveAsync(new LedgerMove(card.Id, receiptId, storeCode, lines), cancellationToken)
                ?? throw new InvalidOperationException("The locked card could not be credited.");
            events.Publish(CardEvents.Refunded(card, moved.Entries[0], takeBack, moved.After.Balance));
            await db.SaveChangesAsync(cancellationToken);
            return new TransactionView(credit.Id, card.Number, kind, amount, moved.After.Balance, moved.After.Points, -takeBack, card.Currency);
        }, cancellationToken);
    }

    /// <summary>Counts a wrong PIN in one statement (parallel wrong PINs all count) and locks the card at the product's limit.</summary>
    private async Task<Refusal> WrongPinAsync(Card card, CardProduct product, DateTime now, CancellationToken cancellationToken)
    {
        var limit = product.PinMaxAttempts;
        await db.Set<Card>().Where(c => c.Id == card.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.FailedPinAttempts, c => c.FailedPinAttempts + 1)
            .SetProperty(c => c.Status, c => c.Status == CardStatus.Active && c.FailedPinAttempts + 1 >= limit ? CardStatus.Frozen : c.Status)
            .SetProperty(c => c.StatusChangedAt, c => c.Status == CardStatus.Active && c.FailedPinAttempts + 1 >= limit ? now : c.StatusChangedAt)
            .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        var failed = await db.Set<Card>().AsNoTracking().Where(c => c.Id == card.Id).Select(c => c.FailedPinAttempts).FirstAsync(cancellationToken);
        return Refuse.PinInvalid(Math.Max(0, limit - failed));
    }
}
