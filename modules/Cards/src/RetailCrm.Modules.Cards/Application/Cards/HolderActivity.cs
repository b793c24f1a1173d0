using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>One card of a holder as its history needs it.</summary>
internal sealed record HolderCard(Guid Id, string MaskedNumber, CardStatus Status, DateTime? StatusChangedAt, long Balance, long Points, string Currency);

/// <summary>A ledger entry of one of a holder's cards.</summary>
internal sealed record HolderLedgerEntry(Guid CardId, LedgerEntryKind Kind, long Amount, long Points, Guid? OriginalEntryId, string? Reference, string? ReceiptId, string? StoreCode, DateTime OccurredAt);

/// <summary>A card that came to the holder from another customer (a merge).</summary>
internal sealed record HolderArrival(Guid CardId, string? FromCode, string Reason, DateTime At);

/// <summary>What a holder spent with a currency's cards: payments less what was reversed or refunded onto the cards.</summary>
internal sealed record HolderSpending(string Currency, long Spent, int Payments);

/// <summary>
/// What happened with the cards a customer holds, for the customer 360° page: their ledger (newest first, in a window),
/// the cards that came from a merged customer, and what was paid with them.
/// </summary>
internal sealed class HolderActivity(CardsDbContext db)
{
    public async Task<List<HolderCard>> CardsAsync(Guid customerId, CancellationToken cancellationToken) =>
        (await db.Set<Card>().AsNoTracking().Where(c => c.HolderCustomerId == customerId).OrderBy(c => c.Number).ToListAsync(cancellationToken))
        .Select(c => new HolderCard(c.Id, Card.Mask(c.Number), c.Status, c.StatusChangedAt, c.Balance, c.Points, c.Currency))
        .ToList();

    /// <summary>The newest ledger entries of the cards before <paramref name="before"/>, at most <paramref name="max"/>.</summary>
    public Task<List<HolderLedgerEntry>> LedgerAsync(IReadOnlyCollection<Guid> cardIds, DateTime before, int max, CancellationToken cancellationToken) =>
        db.Set<LedgerEntry>().AsNoTracking()
            .Where(e => cardIds.Contains(e.CardId) && e.OccurredAt < before)
            .OrderByDescending(e => e.OccurredAt).Take(max)
            .Select(e => new HolderLedgerEntry(e.CardId, e.Kind, e.Amount, e.Points, e.OriginalEntryId, e.Reference, e.ReceiptId, e.StoreCode, e.OccurredAt))
            .ToListAsync(cancellationToken);

    public Task<List<HolderArrival>> ArrivalsAsync(Guid customerId, DateTime before, int max, CancellationToken cancellationToken) =>
        db.Set<CardHolderChange>().AsNoTracking()
            .Where(h => h.ToCustomerId == customerId && h.OccurredAt < before)
            .OrderByDescending(h => h.OccurredAt).Take(max)
            .Select(h => new HolderArrival(h.CardId, h.FromCode, h.Reason, h.OccurredAt))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Per currency: the payments with the cards, less the reversals and the refunds of payments (a refund paid out
    /// when a card is closed gives back balance, not a purchase, and is not counted).
    /// </summary>
    public async Task<IReadOnlyList<HolderSpending>> SpendingAsync(IReadOnlyCollection<Guid> cardIds, CancellationToken cancellationToken)
    {
        var rows = await db.Set<LedgerEntry>().AsNoTracking()
            .Where(e => cardIds.Contains(e.CardId)
                && (e.Kind == LedgerEntryKind.Payment || e.Kind == LedgerEntryKind.Reversal || (e.Kind == LedgerEntryKind.Refund && e.OriginalEntryId != null)))
            .Join(db.Set<Card>(), e => e.CardId, c => c.Id, (e, c) => new { c.Currency, e.Kind, e.Amount })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new HolderSpending(g.Key, -g.Sum(r => r.Amount), g.Count(r => r.Kind == LedgerEntryKind.Payment)))
            .ToList();
    }
}
