using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Sales.Application;
using RetailCrm.Modules.Sales.Application.Reviews;
using RetailCrm.Modules.Sales.Application.Tasks;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Web.Api;

/// <summary>Tasks with due dates and reminders: one's own, and for a supervisor his people's (the overdue list per person).</summary>
[ApiController]
[Route("api/sales/tasks")]
internal sealed class TasksApiController(TaskService tasks, TimeProvider time) : ControllerBase
{
    /// <summary>Creates a task, for a deal (<c>opportunityId</c>) or on its own; <c>remindAt</c> sends a reminder (bell and e-mail) then.</summary>
    [HttpPost]
    [RequirePermission(SalesPermissions.Work)]
    [ProducesResponseType<TaskDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(TaskInput request, CancellationToken cancellationToken) =>
        (await tasks.CreateAsync(request, cancellationToken)).ToActionResult(t => Created($"/api/sales/tasks/{t.Id}", TaskDto.From(t, Now)));

    /// <summary>The tasks the user sees, open first by due time: <c>mine</c>, one <c>assignee</c>, one deal, <c>overdue</c> only, or <c>done</c> ones too.</summary>
    [HttpGet]
    [RequirePermission(SalesPermissions.View)]
    public async Task<IReadOnlyList<TaskDto>> List([FromQuery] Guid? assignee, [FromQuery] Guid? opportunityId, [FromQuery] bool overdue, [FromQuery] bool done, [FromQuery] bool mine,
        [FromServices] SalesPeople people, CancellationToken cancellationToken) =>
        [.. (await tasks.ListAsync(new TaskFilter(mine ? people.CurrentId : assignee, opportunityId, overdue, done), cancellationToken)).Select(t => TaskDto.From(t, Now))];

    /// <summary>Marks a task done, or open again.</summary>
    [HttpPost("{id:guid}/done")]
    [RequirePermission(SalesPermissions.Work)]
    [ProducesResponseType<TaskDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Done(Guid id, TaskDoneRequest request, CancellationToken cancellationToken) =>
        (await tasks.CompleteAsync(id, request.Done, cancellationToken)).ToActionResult(t => Ok(TaskDto.From(t, Now)));

    /// <summary>Per person the user sees: open and overdue tasks, the most overdue first.</summary>
    [HttpGet("overdue")]
    [RequirePermission(SalesPermissions.View)]
    public async Task<IReadOnlyList<OverdueCount>> Overdue(CancellationToken cancellationToken) => await tasks.OverdueByPersonAsync(cancellationToken);

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}

/// <summary>The weekly journal review (业务日志): a person's week, the team's weeks, and the supervisor's comment or approval.</summary>
[ApiController]
[Route("api/sales/journal")]
internal sealed class JournalApiController(JournalReviews reviews, SalesCalendar calendar) : ControllerBase
{
    /// <summary>One person's week (the one holding <c>week</c>, this week by default): entries with their deals, and the reviews.</summary>
    [HttpGet("{userId:guid}")]
    [RequirePermission(SalesPermissions.View)]
    [ProducesResponseType<JournalWeekDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Week(Guid userId, [FromQuery] DateOnly? week, CancellationToken cancellationToken) =>
        (await reviews.WeekAsync(userId, week ?? await calendar.TodayAsync(cancellationToken), cancellationToken)).ToActionResult(w => Ok(JournalWeekDto.From(w)));

    /// <summary>The supervisor's team for a week: entries, visits, comments, approved or not, the unreviewed first.</summary>
    [HttpGet("team")]
    [RequirePermission(SalesPermissions.Supervise)]
    public async Task<IReadOnlyList<TeamWeekDto>> Team([FromQuery] DateOnly? week, CancellationToken cancellationToken) =>
        [.. (await reviews.TeamAsync(week ?? await calendar.TodayAsync(cancellationToken), cancellationToken))
            .Select(l => new TeamWeekDto(l.Person.Id, l.Person.DisplayName, l.Entries, l.Visits, l.Comments, l.Approved))];

    /// <summary>Comments on, or approves, a person's week; the person sees it beside his journal.</summary>
    [HttpPost("reviews")]
    [RequirePermission(SalesPermissions.Supervise)]
    [ProducesResponseType<JournalReviewDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Review(JournalReviewRequest request, CancellationToken cancellationToken) =>
        request.Week is not { } week
            ? new RefusalResult(Refusal.Invalid("sales/review-invalid", "week", "Say which week: any day of it, e.g. 2026-12-07."))
            : (await reviews.ReviewAsync(request.UserId, week, request.Approve, request.Comment, cancellationToken))
                .ToActionResult(r => Created($"/api/sales/journal/{r.SalesPersonUserId}?week={r.WeekStart:yyyy-MM-dd}", JournalReviewDto.From(r)));
}
