using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>
/// A receipt id names one top-up or one payment of a card: a retry with it (same amount) gets the first answer back and
/// nothing moves again; another amount is refused (409, field receiptId). The unique index on (tenant, card, kind,
/// receipt) decides between parallel requests; the loser answers by the winner's entry.
/// </summary>
internal sealed class ReceiptReplay(CardsDbContext db)
{
    /// <summary>Runs <paramref name="move"/> once per receipt: the earlier entry's answer when there is one, also when a parallel request won the race.</summary>
    public async Task<Result<TransactionView>> OnceAsync(Card card, LedgerEntryKind kind, string? receiptId, long amount,
        Func<Task<Result<TransactionView>>> move, CancellationToken cancellationToken)
    {
        if (await EarlierAsync(card, kind, receiptId, amount, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        try
        {
            return await move();
        }
        catch (DbUpdateException) when (!string.IsNullOrWhiteSpace(receiptId))
        {
            // A parallel request with the same receipt id won the unique index; answer by its entry.
            if (await EarlierAsync(card, kind, receiptId, amount, cancellationToken) is { } raced)
            {
                return raced;
            }

            throw;
        }
    }

    /// <summary>
    /// The card's earlier entry of this kind with this receipt id: its answer again when the amount is the same,
    /// a refusal (field receiptId) when it differs; null when there is none (or no receipt id).
    /// </summary>
    public async Task<Result<TransactionView>?> EarlierAsync(Card card, LedgerEntryKind kind, string? receiptId, long amount, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(receiptId))
        {
            return null;
        }

        var receipt = receiptId.Trim();
        var entry = await db.Set<LedgerEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.CardId == card.Id && e.Kind == kind && e.ReceiptId == receipt, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        if (entry.Amount != amount)
        {
            var what = kind.ToString().ToLowerInvariant();
            return Refuse.ConflictAt("receiptId", "Receipt {0} was used for a " + what + " of {1} on this card already; a new " + what + " needs a new receipt id.",
                receipt, new MoneyAmount(Math.Abs(entry.Amount), card.Currency));
        }

        var points = await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.OriginalEntryId == entry.Id && e.Kind == LedgerEntryKind.PointsEarn)
            .Select(e => new { e.Points, e.PointsAfter }).FirstOrDefaultAsync(cancellationToken);
        return new TransactionView(entry.Id, card.Number, entry.Kind, entry.Amount, entry.BalanceAfter, points?.PointsAfter ?? entry.PointsAfter, points?.Points ?? 0, card.Currency);
    }
}
