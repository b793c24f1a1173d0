using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Analysis.Domain.Facts;
using RetailCrm.Modules.Analysis.Infrastructure.Persistence;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Analysis.Application.Facts;

/// <summary>
/// Reads every fact again from the other modules' Contracts feeds, in pages, and replaces the module's facts with
/// them in one transaction: a rebuild that fails half way leaves the facts as they were. A module that is not
/// installed has no feed and contributes nothing.
/// </summary>
internal sealed class FactRebuild(
    AnalysisDbContext db,
    IBulkWriter bulk,
    ICustomerFeed members,
    IEnumerable<ICardFeed> cards,
    IEnumerable<ITicketFeed> tickets,
    IEnumerable<IDealFeed> deals)
{
    public const int PageSize = 5_000;

    public async Task<long> RebuildAsync(Action<long> progress, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<PurchaseFact>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<CardEntryFact>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<CardFact>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<TicketFact>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<DealFact>().ExecuteDeleteAsync(cancellationToken);

        long rows = 0;
        await using (var write = bulk.Open(db))
        {
            async Task Insert<T>(IEnumerable<T> facts) where T : class
            {
                foreach (var fact in facts)
                {
                    await write.InsertAsync(fact, cancellationToken);
                    rows++;
                }

                progress(rows);
            }

            await ReadAllAsync(members.ReadPurchasesAsync, p => p.Id, page => Insert(page.Select(ToFact)), cancellationToken);
            foreach (var feed in cards)
            {
                await ReadAllAsync(feed.ReadCardsAsync, c => c.CardId, page => Insert(page.Select(ToFact)), cancellationToken);
                await ReadAllAsync(feed.ReadEntriesAsync, e => e.EntryId, page => Insert(page.Select(ToFact)), cancellationToken);
            }

            foreach (var feed in tickets)
            {
                await ReadAllAsync(feed.ReadTicketsAsync, t => t.TicketId, page => Insert(page.Select(ToFact)), cancellationToken);
            }

            foreach (var feed in deals)
            {
                await ReadAllAsync(feed.ReadDealsAsync, d => d.OpportunityId, page => Insert(page.Select(ToFact)), cancellationToken);
            }
        }

        // The feeds give each card as it is now; when it was last used and what it was sold with come from its entries.
        await db.Set<CardFact>().ExecuteUpdateAsync(s => s
            .SetProperty(c => c.LastActivityAt, c => db.Set<CardEntryFact>().Where(e => e.CardId == c.Id).Max(e => (DateTime?)e.OccurredAt) ?? c.SoldAt)
            .SetProperty(c => c.SoldValue, c => db.Set<CardEntryFact>().Where(e => e.CardId == c.Id && e.Kind == LedgerEntryKind.Issue).Sum(e => e.Amount)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    private static async Task ReadAllAsync<T>(
        Func<Guid?, int, CancellationToken, Task<IReadOnlyList<T>>> read,
        Func<T, Guid> id,
        Func<IReadOnlyList<T>, Task> write,
        CancellationToken cancellationToken)
    {
        Guid? after = null;
        while (true)
        {
            var page = await read(after, PageSize, cancellationToken);
            await write(page);
            if (page.Count < PageSize)
            {
                return;
            }

            after = id(page[^1]);
        }
    }

    private static PurchaseFact ToFact(PurchaseRecord p) => new()
    {
        Id = p.Id, CustomerId = p.CustomerId, StoreCode = p.StoreCode, ReceiptId = p.ReceiptId, PurchasedAt = p.PurchasedAt, Amount = p.Amount,
    };

    private static CardFact ToFact(CardRecord c) => new()
    {
        Id = c.CardId,
        MaskedNumber = c.MaskedNumber,
        ProductCode = c.ProductCode,
        CustomerId = c.CustomerId,
        StoreCode = c.StoreCode,
        SoldAt = c.ActivatedAt,
        Balance = c.Status is CardStatus.Closed or CardStatus.Void ? 0 : c.Balance,
        IsClosed = c.Status is CardStatus.Closed or CardStatus.Void,
        LastActivityAt = c.ActivatedAt,
    };

    private static CardEntryFact ToFact(CardEntryRecord e) => new()
    {
        Id = e.EntryId, CardId = e.CardId, Kind = e.Kind, Amount = e.Amount, StoreCode = e.StoreCode, ReceiptId = e.ReceiptId, OccurredAt = e.OccurredAt,
    };

    private static TicketFact ToFact(TicketRecord t) => new()
    {
        Id = t.TicketId,
        CustomerId = t.CustomerId,
        TypeKey = t.TypeKey,
        IsComplaint = t.TypeKey == ITicketFeed.ComplaintType,
        OpenedAt = t.OpenedAt,
        ResolvedAt = t.ResolvedAt,
        CsatScore = t.CsatScore,
        CsatAt = t.CsatAt,
    };

    private static DealFact ToFact(DealRecord d) => new()
    {
        Id = d.OpportunityId, CustomerId = d.CustomerId, OwnerUserId = d.OwnerUserId, Status = d.Status, Amount = d.Amount, CreatedAt = d.CreatedAt, ClosedAt = d.ClosedAt,
    };
}
