using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Sales.Application;
using RetailCrm.Modules.Sales.Application.Forecast;
using RetailCrm.Modules.Sales.Application.Opportunities;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Application.Reviews;
using RetailCrm.Modules.Sales.Application.Tasks;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Tasks;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Sales.Web.Pages;

/// <summary>My tasks and the team's overdue ones.</summary>
internal sealed record TasksPage(IReadOnlyList<SalesTask> Mine, IReadOnlyList<OverdueCount> Team, IReadOnlyDictionary<Guid, string> Deals, SalesClock Clock, bool ShowTeam);

/// <summary>A person's week of journal, or the supervisor's team for the week.</summary>
internal sealed record JournalPage(DateOnly WeekStart, JournalWeek? Week, IReadOnlyList<TeamWeekLine> Team, SalesNames Names, SalesClock Clock, bool CanReview);

/// <summary>The forecast with its charts, and the performance of the people the reader sees.</summary>
internal sealed record ForecastPage(ForecastReport Report, IReadOnlyList<PersonPerformance> Performance, DateOnly From, DateOnly To, IReadOnlyList<PipelineView> Pipelines);

/// <summary>The gated moves waiting for the supervisor.</summary>
internal sealed record ApprovalsPage(IReadOnlyList<(Domain.Opportunities.StageMoveRequest Request, Domain.Opportunities.Opportunity? Deal)> Waiting, SalesNames Names, SalesClock Clock);

/// <summary>The pages of a sales person's and his supervisor's week: tasks, the journal review, the forecast, approvals.</summary>
[Route("sales")]
internal sealed class SalesWorkPagesController(
    TaskService tasks,
    JournalReviews reviews,
    ForecastQueries forecast,
    PerformanceQueries performance,
    OpportunityQueries queries,
    DealList list,
    PipelineCatalog pipelines,
    SalesPeople people,
    SalesCalendar calendar,
    IPermissionChecker permissions,
    SalesPageContext pageContext) : CrmPageController
{
    [HttpGet("tasks")]
    [RequirePermission(SalesPermissions.View)]
    public async Task<IActionResult> Tasks(CancellationToken cancellationToken)
    {
        var mine = await tasks.ListAsync(new TaskFilter(AssigneeUserId: people.CurrentId), cancellationToken);
        var supervise = await permissions.IsGrantedAsync(SalesPermissions.Supervise, cancellationToken);
        var dealIds = mine.Where(t => t.OpportunityId is not null).Select(t => t.OpportunityId!.Value).Distinct().ToList();
        var deals = dealIds.Count == 0 ? new Dictionary<Guid, string>()
            : (await (await list.QueryAsync(new DealFilter { Status = null }, cancellationToken)).Where(o => dealIds.Contains(o.Id)).Select(o => new { o.Id, o.Title }).ToListAsync(cancellationToken))
                .ToDictionary(o => o.Id, o => o.Title);
        return View("Tasks", new TasksPage(mine, supervise ? await tasks.OverdueByPersonAsync(cancellationToken) : [], deals, await pageContext.ClockAsync(cancellationToken), supervise));
    }

    [HttpPost("tasks/{id:guid}/done")]
    [PostOnce]
    [RequirePermission(SalesPermissions.Work)]
    public async Task<IActionResult> Done(Guid id, bool done, CancellationToken cancellationToken)
    {
        var changed = await tasks.CompleteAsync(id, done, cancellationToken);
        return changed.IsRefused
            ? await RefusedAsync(changed.Refusal, () => Tasks(cancellationToken), "tasks")
            : Done("/sales/tasks", done ? "Task done." : "Task open again.");
    }

    [HttpGet("journal")]
    [RequirePermission(SalesPermissions.View)]
    public async Task<IActionResult> Journal(DateOnly? week, CancellationToken cancellationToken) =>
        await permissions.IsGrantedAsync(SalesPermissions.Supervise, cancellationToken)
            ? await JournalPageAsync(null, week, cancellationToken)
            : await JournalPageAsync(people.CurrentId, week, cancellationToken);

    [HttpGet("journal/{userId:guid}")]
    [RequirePermission(SalesPermissions.View)]
    public Task<IActionResult> Person(Guid userId, DateOnly? week, CancellationToken cancellationToken) => JournalPageAsync(userId, week, cancellationToken);

    [HttpPost("journal/{userId:guid}/reviews")]
    [PostOnce]
    [RequirePermission(SalesPermissions.Supervise)]
    public async Task<IActionResult> Review(Guid userId, DateOnly week, bool approve, string? comment, CancellationToken cancellationToken)
    {
        var reviewed = await reviews.ReviewAsync(userId, week, approve, comment, cancellationToken);
        return reviewed.IsRefused
            ? await RefusedAsync(reviewed.Refusal, () => JournalPageAsync(userId, week, cancellationToken), "review")
            : Done($"/sales/journal/{userId}?week={week:yyyy-MM-dd}", approve ? "Week approved." : "Comment saved.");
    }

    [HttpGet("forecast")]
    [RequirePermission(SalesPermissions.View)]
    public async Task<IActionResult> Forecast(ForecastPeriod? period, DateOnly? from, int? count, ForecastGrouping? groupBy, Guid? pipelineId, DateOnly? performanceFrom, DateOnly? performanceTo,
        CancellationToken cancellationToken)
    {
        var kind = period ?? ForecastPeriod.Month;
        var query = new ForecastQuery(kind, from ?? await calendar.TodayAsync(cancellationToken), Math.Clamp(ForecastQuery.DefaultCount(kind, count), 1, ForecastQuery.MaxPeriods),
            groupBy ?? ForecastGrouping.Person, pipelineId);
        var (first, last) = await calendar.RangeOrQuarterAsync(performanceFrom, performanceTo, cancellationToken);
        if (last < first || last.DayNumber - first.DayNumber >= Api.ForecastApiController.MaxPerformanceDays)
        {
            (first, last) = await calendar.RangeOrQuarterAsync(null, null, cancellationToken);
        }

        return View("Forecast", new ForecastPage(await forecast.ForecastAsync(query, cancellationToken), await performance.PerformanceAsync(first, last, cancellationToken), first, last,
            await pipelines.ListAsync(cancellationToken)));
    }

    [HttpGet("approvals")]
    [RequirePermission(SalesPermissions.Supervise)]
    public async Task<IActionResult> Approvals(CancellationToken cancellationToken)
    {
        var waiting = await queries.PendingApprovalsAsync(cancellationToken);
        var ids = waiting.Select(r => r.OpportunityId).ToList();
        var deals = await (await list.QueryAsync(new DealFilter(), cancellationToken)).Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
        return View("Approvals", new ApprovalsPage([.. waiting.Select(r => (r, deals.FirstOrDefault(d => d.Id == r.OpportunityId)))], await pageContext.NamesAsync(cancellationToken), await pageContext.ClockAsync(cancellationToken)));
    }

    private async Task<IActionResult> JournalPageAsync(Guid? userId, DateOnly? week, CancellationToken cancellationToken)
    {
        var day = week ?? await calendar.TodayAsync(cancellationToken);
        var canReview = await permissions.IsGrantedAsync(SalesPermissions.Supervise, cancellationToken);
        JournalWeek? shown = null;
        if (userId is { } id)
        {
            var found = await reviews.WeekAsync(id, day, cancellationToken);
            if (found.IsRefused)
            {
                return NotFound();
            }

            shown = found.Value;
        }

        var team = canReview && userId is null ? await reviews.TeamAsync(day, cancellationToken) : [];
        return View("Journal", new JournalPage(SalesCalendar.WeekStart(day), shown, team, await pageContext.NamesAsync(cancellationToken), await pageContext.ClockAsync(cancellationToken), canReview && userId != people.CurrentId));
    }

}
