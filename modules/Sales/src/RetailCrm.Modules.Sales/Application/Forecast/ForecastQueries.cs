using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Sales.Application.Opportunities;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Sales.Application.Forecast;

/// <summary>
/// The weighted forecast within the user's data scope. The open deals are summed in the database by owner, unit,
/// stage, category and close month, so 100,000 open deals come back as a few hundred rows; the won deals of the range
/// are read one by one, since their close instant falls in the sales time zone's months only once converted.
/// </summary>
internal sealed class ForecastQueries(OpportunityService deals, PipelineCatalog pipelines, SalesCalendar calendar, SalesPeople people, IOrganizationUnits units, ISettingProvider settings)
{
    public async Task<ForecastReport> ForecastAsync(ForecastQuery query, CancellationToken cancellationToken)
    {
        var buckets = Buckets(query);
        var (rangeFrom, rangeTo) = (buckets[0].From, buckets[^1].To);
        var probabilities = (await pipelines.ListAsync(cancellationToken)).SelectMany(p => p.Stages).ToDictionary(s => s.Id, s => s.Probability);
        var visible = await deals.VisibleAsync(tracked: false, cancellationToken);
        if (query.PipelineId is { } pipelineId)
        {
            visible = visible.Where(o => o.PipelineId == pipelineId);
        }

        var open = await visible
            .Where(o => o.Status == OpportunityStatus.Open && o.ForecastCategory != ForecastCategory.Omitted
                && (o.ExpectedCloseDate == null || (o.ExpectedCloseDate >= rangeFrom && o.ExpectedCloseDate < rangeTo)))
            .GroupBy(o => new { o.OwnerUserId, o.UnitId, o.StageId, o.ForecastCategory, Year = (int?)o.ExpectedCloseDate!.Value.Year, Month = (int?)o.ExpectedCloseDate!.Value.Month })
            .Select(g => new { g.Key.OwnerUserId, g.Key.UnitId, g.Key.StageId, g.Key.ForecastCategory, g.Key.Year, g.Key.Month, Amount = g.Sum(o => o.Amount), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var (utcFrom, utcTo) = (await calendar.StartUtcAsync(rangeFrom, cancellationToken), await calendar.StartUtcAsync(rangeTo, cancellationToken));
        var won = await visible.Where(o => o.Status == OpportunityStatus.Won && o.ClosedAt >= utcFrom && o.ClosedAt < utcTo)
            .Select(o => new { o.OwnerUserId, o.UnitId, o.ClosedAt, o.Amount }).ToListAsync(cancellationToken);

        var cells = new List<(Guid Owner, Guid? Unit, DateOnly? Day, ForecastFigures Figures)>();
        foreach (var g in open)
        {
            var weighted = g.Amount * probabilities.GetValueOrDefault(g.StageId) / 100;
            var commit = g.ForecastCategory == ForecastCategory.Commit ? g.Amount : 0;
            var best = g.ForecastCategory is ForecastCategory.Commit or ForecastCategory.BestCase ? g.Amount : 0;
            DateOnly? day = g.Year is { } year && g.Month is { } month ? new DateOnly(year, month, 1) : null;
            cells.Add((g.OwnerUserId, g.UnitId, day, new ForecastFigures(0, commit, best, weighted, g.Amount, g.Count)));
        }

        foreach (var w in won)
        {
            cells.Add((w.OwnerUserId, w.UnitId, await calendar.LocalDayAsync(w.ClosedAt!.Value, cancellationToken), new ForecastFigures(w.Amount, w.Amount, w.Amount, w.Amount, 0, 0)));
        }

        var dated = cells.Where(c => c.Day is not null).ToList();
        var filled = buckets.Select(b => b with { Figures = Sum(dated.Where(c => c.Day >= b.From && c.Day < b.To).Select(c => c.Figures)) }).ToList();
        var rows = await RowsAsync(query.GroupBy, dated, cancellationToken);
        var currency = await settings.GetAsync(SalesSettings.Currency, cancellationToken) ?? "CNY";
        return new ForecastReport(query, currency, filled, rows, Sum(dated.Select(c => c.Figures)), Sum(cells.Where(c => c.Day is null).Select(c => c.Figures)));
    }

    /// <summary>The periods asked for: the month or quarter holding <see cref="ForecastQuery.From"/> and the ones after it.</summary>
    public static IReadOnlyList<ForecastBucket> Buckets(ForecastQuery query)
    {
        var months = query.Period == ForecastPeriod.Quarter ? 3 : 1;
        var first = query.Period == ForecastPeriod.Quarter ? SalesCalendar.QuarterStart(query.From) : new DateOnly(query.From.Year, query.From.Month, 1);
        return [.. Enumerable.Range(0, Math.Clamp(query.Count, 1, ForecastQuery.MaxPeriods)).Select(i =>
        {
            var from = first.AddMonths(i * months);
            var key = query.Period == ForecastPeriod.Quarter ? $"{from.Year}-Q{((from.Month - 1) / 3) + 1}" : $"{from.Year}-{from.Month:00}";
            return new ForecastBucket(key, from, from.AddMonths(months), ForecastFigures.Zero);
        })];
    }

    private async Task<IReadOnlyList<ForecastRow>> RowsAsync(ForecastGrouping grouping, IReadOnlyList<(Guid Owner, Guid? Unit, DateOnly? Day, ForecastFigures Figures)> cells, CancellationToken cancellationToken)
    {
        if (grouping == ForecastGrouping.Unit)
        {
            var names = (await units.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Name);
            return [.. cells.GroupBy(c => c.Unit).Select(g => new ForecastRow(g.Key, g.Key is { } id && names.TryGetValue(id, out var name) ? name : "–", Sum(g.Select(c => c.Figures))))
                .OrderByDescending(r => r.Figures.Weighted)];
        }

        var everyone = (await people.InScopeAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
        return [.. cells.GroupBy(c => c.Owner).Select(g => new ForecastRow(g.Key, everyone.GetValueOrDefault(g.Key, g.Key.ToString()), Sum(g.Select(c => c.Figures))))
            .OrderByDescending(r => r.Figures.Weighted)];
    }

    private static ForecastFigures Sum(IEnumerable<ForecastFigures> figures) => figures.Aggregate(ForecastFigures.Zero, (a, b) => a.Plus(b));
}
