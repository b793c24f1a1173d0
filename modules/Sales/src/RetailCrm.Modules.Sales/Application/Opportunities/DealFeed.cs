using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Modules.Sales.Domain.Pipelines;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;

namespace RetailCrm.Modules.Sales.Application.Opportunities;

/// <summary>
/// The tenant's deals in id order for a module that keeps its own facts, every owner's (no data scope). Keyset pages:
/// the next page starts after the last id of the one before. The database compares and orders the ids (text on SQLite,
/// uuid on PostgreSQL), the same way for the comparison and the sort. The amount is the one the deal keeps, the sum of
/// its lines (<see cref="Opportunity.ReplaceLines"/>).
/// </summary>
internal sealed class DealFeed(SalesDbContext db) : IDealFeed
{
    /// <summary>The most rows one page answers, whatever the caller asks for.</summary>
    public const int MaxPageSize = 10_000;

    public async Task<IReadOnlyList<DealRecord>> ReadDealsAsync(Guid? after, int pageSize, CancellationToken cancellationToken = default) =>
        await db.Set<Opportunity>().AsNoTracking()
            .Where(o => after == null || o.Id.CompareTo(after.Value) > 0)
            .Join(db.Set<Stage>(), o => o.StageId, s => s.Id, (o, s) => new { Deal = o, StageKey = s.Key })
            .OrderBy(x => x.Deal.Id)
            .Take(Math.Clamp(pageSize, 1, MaxPageSize))
            .Select(x => new DealRecord(x.Deal.Id, x.Deal.CustomerId, x.Deal.OwnerUserId, x.Deal.Status, x.StageKey, x.Deal.Amount, x.Deal.Currency,
                x.Deal.CreatedAt, x.Deal.ClosedAt))
            .ToListAsync(cancellationToken);
}
