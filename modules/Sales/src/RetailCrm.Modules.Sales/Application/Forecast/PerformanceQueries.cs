using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Sales.Application.Opportunities;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Sales.Application.Forecast;

/// <summary>
/// One sales person's figures: the pipeline he holds now (open amount and weighted), and over the range the deals won
/// and lost, the win rate (won of closed), the average cycle (days from opening to winning) and the journal entries.
/// </summary>
internal sealed record PersonPerformance(UserInfo Person, int OpenDeals, long PipelineValue, long Weighted, int Won, long WonAmount, int Lost, double? WinRate, double? CycleDays, int Activities, int Visits);

/// <summary>Per-person performance within the user's data scope, over a range of days (both ends included) of the sales time zone.</summary>
internal sealed class PerformanceQueries(SalesDbContext db, OpportunityService deals, PipelineCatalog pipelines, SalesPeople people, SalesCalendar calendar)
{
    public async Task<IReadOnlyList<PersonPerformance>> PerformanceAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (utcFrom, utcTo) = (await calendar.StartUtcAsync(from, cancellationToken), await calendar.StartUtcAsync(to.AddDays(1), cancellationToken));
        var probabilities = (await pipelines.ListAsync(cancellationToken)).SelectMany(p => p.Stages).ToDictionary(s => s.Id, s => s.Probability);
        var visible = await deals.VisibleAsync(tracked: false, cancellationToken);
        var open = await visible.Where(o => o.Status == OpportunityStatus.Open)
            .GroupBy(o => new { o.OwnerUserId, o.StageId }).Select(g => new { g.Key.OwnerUserId, g.Key.StageId, Count = g.Count(), Amount = g.Sum(o => o.Amount) })
            .ToListAsync(cancellationToken);
        var closed = await visible.Where(o => o.Status != OpportunityStatus.Open && o.ClosedAt >= utcFrom && o.ClosedAt < utcTo)
            .Select(o => new { o.OwnerUserId, o.Status, o.Amount, o.CreatedAt, ClosedAt = o.ClosedAt!.Value }).ToListAsync(cancellationToken);
        var team = await people.InScopeAsync(cancellationToken);
        var ids = team.Select(p => p.Id).ToList();
        var logged = await db.Set<Activity>().AsNoTracking().Where(a => ids.Contains(a.UserId) && a.At >= utcFrom && a.At < utcTo)
            .GroupBy(a => a.UserId).Select(g => new { g.Key, Count = g.Count(), Visits = g.Count(a => a.Kind == ActivityKind.Visit) }).ToListAsync(cancellationToken);

        return [.. team.Select(person =>
        {
            var mine = open.Where(o => o.OwnerUserId == person.Id).ToList();
            var won = closed.Where(c => c.OwnerUserId == person.Id && c.Status == OpportunityStatus.Won).ToList();
            var lost = closed.Count(c => c.OwnerUserId == person.Id && c.Status == OpportunityStatus.Lost);
            var journal = logged.FirstOrDefault(l => l.Key == person.Id);
            return new PersonPerformance(
                person,
                mine.Sum(o => o.Count),
                mine.Sum(o => o.Amount),
                mine.Sum(o => o.Amount * probabilities.GetValueOrDefault(o.StageId) / 100),
                won.Count,
                won.Sum(w => w.Amount),
                lost,
                won.Count + lost == 0 ? null : Math.Round(100.0 * won.Count / (won.Count + lost), 1),
                won.Count == 0 ? null : Math.Round(won.Average(w => (w.ClosedAt - w.CreatedAt).TotalDays), 1),
                journal?.Count ?? 0,
                journal?.Visits ?? 0);
        }).OrderByDescending(p => p.WonAmount).ThenByDescending(p => p.Weighted)];
    }
}
