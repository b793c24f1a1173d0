using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>
/// The tenant's sold cards and ledger entries in id order for a module that keeps its own facts. Keyset pages: the next
/// page starts after the last id of the one before. The database compares and orders the ids (text on SQLite, uuid on
/// PostgreSQL), the same way for the comparison and the sort.
/// </summary>
internal sealed class CardFeed(CardsDbContext db) : ICardFeed
{
    /// <summary>The most rows one page answers, whatever the caller asks for.</summary>
    public const int MaxPageSize = 10_000;

    public async Task<IReadOnlyList<CardRecord>> ReadCardsAsync(Guid? after, int pageSize, CancellationToken cancellationToken = default) =>
        await db.Set<Card>().AsNoTracking()
            .Where(Card.EverSold)
            .Where(c => after == null || c.Id.CompareTo(after.Value) > 0)
            .Join(db.Set<CardProduct>(), c => c.ProductId, p => p.Id, (c, p) => new { Card = c, p.Code, p.Name })
            .OrderBy(x => x.Card.Id)
            .Take(Math.Clamp(pageSize, 1, MaxPageSize))
            .Select(x => new CardRecord(x.Card.Id, Card.Mask(x.Card.Number), x.Card.ProductId, x.Code, x.Name, x.Card.Status, x.Card.HolderCustomerId,
                x.Card.StoreCode, x.Card.ActivatedAt, x.Card.Balance, x.Card.Points, x.Card.Currency))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CardEntryRecord>> ReadEntriesAsync(Guid? after, int pageSize, CancellationToken cancellationToken = default) =>
        await db.Set<LedgerEntry>().AsNoTracking()
            .Where(e => after == null || e.Id.CompareTo(after.Value) > 0)
            .OrderBy(e => e.Id)
            .Take(Math.Clamp(pageSize, 1, MaxPageSize))
            .Select(e => new CardEntryRecord(e.Id, e.CardId, e.Kind, e.Amount, e.BalanceAfter, e.StoreCode, e.ReceiptId, e.OccurredAt))
            .ToListAsync(cancellationToken);
}
