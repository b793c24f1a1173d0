using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Sales.Application;
using RetailCrm.Modules.Sales.Application.Forecast;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Web.Api;

/// <summary>One person's performance as the API gives it; amounts in minor units, the win rate in per cent.</summary>
internal sealed record PerformanceDto(Guid UserId, string Name, int OpenDeals, long PipelineValue, long Weighted, int Won, long WonAmount, int Lost, double? WinRate, double? CycleDays, int Activities, int Visits)
{
    public static PerformanceDto From(PersonPerformance p) =>
        new(p.Person.Id, p.Person.DisplayName, p.OpenDeals, p.PipelineValue, p.Weighted, p.Won, p.WonAmount, p.Lost, p.WinRate, p.CycleDays, p.Activities, p.Visits);
}

/// <summary>The forecast and the per-person performance, within the caller's data scope (a sales person sees his own figures).</summary>
[ApiController]
[Route("api/sales")]
internal sealed class ForecastApiController(ForecastQueries forecast, PerformanceQueries performance, SalesCalendar calendar) : ControllerBase
{
    public const int MaxPerformanceDays = 731;

    /// <summary>
    /// The forecast over <c>count</c> months or quarters (<c>period</c>) from the one holding <c>from</c> (this one by
    /// default): won, commit, best case, weighted and pipeline per period and per person or unit (<c>groupBy</c>).
    /// </summary>
    [HttpGet("forecast")]
    [RequirePermission(SalesPermissions.View)]
    [ProducesResponseType<ForecastReport>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Forecast([FromQuery] ForecastPeriod? period, [FromQuery] DateOnly? from, [FromQuery] int? count, [FromQuery] ForecastGrouping? groupBy,
        [FromQuery] Guid? pipelineId, CancellationToken cancellationToken)
    {
        if (count is < 1 or > ForecastQuery.MaxPeriods)
        {
            return new RefusalResult(Refusal.Invalid("sales/forecast-invalid", "count", "Ask for 1 to {0} periods.", ForecastQuery.MaxPeriods));
        }

        var kind = period ?? ForecastPeriod.Month;
        var query = new ForecastQuery(kind, from ?? await calendar.TodayAsync(cancellationToken), ForecastQuery.DefaultCount(kind, count), groupBy ?? ForecastGrouping.Person, pipelineId);
        return Ok(await forecast.ForecastAsync(query, cancellationToken));
    }

    /// <summary>Per person: pipeline value now, and between <c>from</c> and <c>to</c> (this quarter by default) won, lost, win rate, cycle time and journal entries.</summary>
    [HttpGet("performance")]
    [RequirePermission(SalesPermissions.View)]
    [ProducesResponseType<IReadOnlyList<PerformanceDto>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Performance([FromQuery] DateOnly? from, [FromQuery] DateOnly? to, CancellationToken cancellationToken)
    {
        var (first, last) = await calendar.RangeOrQuarterAsync(from, to, cancellationToken);
        if (last < first)
        {
            return new RefusalResult(Refusal.Invalid("sales/performance-invalid", "to", "The end of the range comes after its start."));
        }

        if (last.DayNumber - first.DayNumber >= MaxPerformanceDays)
        {
            return new RefusalResult(Refusal.Invalid("sales/performance-invalid", "to", "Ask for at most {0} days.", MaxPerformanceDays));
        }

        return Ok((await performance.PerformanceAsync(first, last, cancellationToken)).Select(PerformanceDto.From).ToList());
    }

}
