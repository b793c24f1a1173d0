using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Analysis.Domain.Facts;
using RetailCrm.Modules.Analysis.Domain.Results;
using RetailCrm.Modules.Analysis.Infrastructure.Persistence;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Analysis.Application.Reports;

/// <summary>One key of a consumption breakdown over the months asked: purchases, customers, revenue, average basket and frequency.</summary>
internal sealed record ConsumptionRow(string Key, int Purchases, int Customers, long Revenue)
{
    public long AverageBasket => Purchases == 0 ? 0 : Revenue / Purchases;

    public decimal Frequency => Customers == 0 ? 0 : Math.Round((decimal)Purchases / Customers, 2);
}

/// <summary>Money outstanding on cards of one product sold by one store (null: HQ).</summary>
internal sealed record LiabilityRow(string ProductCode, string? StoreCode, int Cards, long Balance);

/// <summary>One month of card business: cards sold and their value, money topped up and spent.</summary>
internal sealed record CardMonth(DateOnly Month, int CardsSold, long SoldValue, long ToppedUp, long Spent);

/// <summary>The card business: the liability by product and store, months of sales, top-ups and spending, and the breakage estimate.</summary>
internal sealed record CardBusiness(IReadOnlyList<LiabilityRow> Liability, long TotalLiability, IReadOnlyList<CardMonth> Months, long BreakageEstimate, int DormantCards, int DormantDays);

/// <summary>One month of service: tickets opened, complaints, resolved, and the average satisfaction answer.</summary>
internal sealed record ServiceMonth(DateOnly Month, int Opened, int Complaints, int Resolved, decimal? AverageCsat);

/// <summary>One month of the pipeline: deals won and lost and their amounts.</summary>
internal sealed record PipelineMonth(DateOnly Month, int Won, long WonAmount, int Lost, long LostAmount)
{
    public decimal? WinRate => Won + Lost == 0 ? null : Math.Round(100m * Won / (Won + Lost), 1);
}

/// <summary>
/// The consumption breakdown (from the last recompute's cells, within the user's data scope) and the business reports
/// of the optional modules (from the facts, tenant-wide for the holders of <c>analysis.business</c>).
/// </summary>
internal sealed class BusinessReports(AnalysisDbContext db, IDataScopeProvider scopes, TimeProvider time)
{
    /// <summary>Cards with money on them and no movement for this long count towards the breakage estimate.</summary>
    public const int BreakageDormantDays = 365;

    public async Task<IReadOnlyList<ConsumptionRow>> ConsumptionAsync(ConsumptionDimension dimension, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var cells = await scopes.ApplyAsync(db.Set<ConsumptionCell>().AsNoTracking(), c => (Guid?)null, c => c.UnitId, cancellationToken);
        var rows = await cells.Where(c => c.Dimension == dimension && c.Month >= from && c.Month <= to)
            .GroupBy(c => c.Key)
            .Select(g => new ConsumptionRow(g.Key, g.Sum(c => c.Purchases), g.Sum(c => c.Customers), g.Sum(c => c.Revenue)))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.Revenue)];
    }

    public async Task<IReadOnlyList<(DateOnly Month, long Revenue, int Purchases)>> MonthsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var cells = await scopes.ApplyAsync(db.Set<ConsumptionCell>().AsNoTracking(), c => (Guid?)null, c => c.UnitId, cancellationToken);
        var rows = await cells.Where(c => c.Dimension == ConsumptionDimension.Store && c.Month >= from && c.Month <= to)
            .GroupBy(c => c.Month).Select(g => new { g.Key, Revenue = g.Sum(c => c.Revenue), Purchases = g.Sum(c => c.Purchases) })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Key).Select(r => (r.Key, r.Revenue, r.Purchases))];
    }

    public async Task<CardBusiness> CardsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var open = db.Set<CardFact>().AsNoTracking().Where(c => !c.IsClosed);
        var liability = await open.GroupBy(c => new { c.ProductCode, c.StoreCode })
            .Select(g => new LiabilityRow(g.Key.ProductCode, g.Key.StoreCode, g.Count(), g.Sum(c => c.Balance)))
            .ToListAsync(cancellationToken);
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var entries = await db.Set<CardEntryFact>().AsNoTracking().Where(e => e.OccurredAt >= start && e.OccurredAt < end)
            .GroupBy(e => new { e.OccurredAt.Year, e.OccurredAt.Month, e.Kind })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Kind, Count = g.Count(), Amount = g.Sum(e => e.Amount) })
            .ToListAsync(cancellationToken);
        var months = entries.GroupBy(e => new DateOnly(e.Year, e.Month, 1)).OrderBy(g => g.Key)
            .Select(g => new CardMonth(
                g.Key,
                g.Where(e => e.Kind == LedgerEntryKind.Issue).Sum(e => e.Count),
                g.Where(e => e.Kind == LedgerEntryKind.Issue).Sum(e => e.Amount),
                g.Where(e => e.Kind == LedgerEntryKind.TopUp).Sum(e => e.Amount),
                -g.Where(e => e.Kind == LedgerEntryKind.Payment).Sum(e => e.Amount)))
            .ToList();
        var dormantSince = time.GetUtcNow().UtcDateTime.AddDays(-BreakageDormantDays);
        var dormant = await open.Where(c => c.Balance > 0 && (c.LastActivityAt ?? c.SoldAt) < dormantSince)
            .GroupBy(c => 1).Select(g => new { Cards = g.Count(), Balance = g.Sum(c => c.Balance) }).FirstOrDefaultAsync(cancellationToken);
        return new CardBusiness([.. liability.OrderByDescending(l => l.Balance)], liability.Sum(l => l.Balance), months, dormant?.Balance ?? 0, dormant?.Cards ?? 0, BreakageDormantDays);
    }

    public async Task<IReadOnlyList<ServiceMonth>> ServiceAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var tickets = await db.Set<TicketFact>().AsNoTracking().Where(t => t.OpenedAt >= start && t.OpenedAt < end)
            .Select(t => new { t.OpenedAt, t.IsComplaint, Resolved = t.ResolvedAt != null, t.CsatScore }).ToListAsync(cancellationToken);
        return [.. tickets.GroupBy(t => new DateOnly(t.OpenedAt.Year, t.OpenedAt.Month, 1)).OrderBy(g => g.Key)
            .Select(g => new ServiceMonth(g.Key, g.Count(), g.Count(t => t.IsComplaint), g.Count(t => t.Resolved),
                g.Any(t => t.CsatScore != null) ? Math.Round((decimal)g.Where(t => t.CsatScore != null).Average(t => t.CsatScore!.Value), 2) : null))];
    }

    public async Task<IReadOnlyList<PipelineMonth>> PipelineAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var deals = await db.Set<DealFact>().AsNoTracking().Where(d => d.ClosedAt >= start && d.ClosedAt < end && d.Status != OpportunityStatus.Open)
            .Select(d => new { d.ClosedAt, d.Status, d.Amount }).ToListAsync(cancellationToken);
        return [.. deals.GroupBy(d => new DateOnly(d.ClosedAt!.Value.Year, d.ClosedAt.Value.Month, 1)).OrderBy(g => g.Key)
            .Select(g => new PipelineMonth(g.Key, g.Count(d => d.Status == OpportunityStatus.Won), g.Where(d => d.Status == OpportunityStatus.Won).Sum(d => d.Amount),
                g.Count(d => d.Status == OpportunityStatus.Lost), g.Where(d => d.Status == OpportunityStatus.Lost).Sum(d => d.Amount)))];
    }
}
