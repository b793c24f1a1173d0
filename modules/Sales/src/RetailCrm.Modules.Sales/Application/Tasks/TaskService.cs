using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Sales.Application.Opportunities;
using RetailCrm.Modules.Sales.Domain.Tasks;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Application.Tasks;

/// <summary>A task as the API or the form sends it; the assignee is the current user unless a supervisor names one of his people.</summary>
internal sealed record TaskInput(string? Title, DateTime? DueAt, DateTime? RemindAt, string? Notes, Guid? AssigneeUserId, Guid? OpportunityId)
{
    public TaskFacts Facts => new(Title, DueAt, RemindAt, Notes);
}

/// <summary>Which tasks a list shows: open or done, overdue only, of one person or one deal.</summary>
internal sealed record TaskFilter(Guid? AssigneeUserId = null, Guid? OpportunityId = null, bool OverdueOnly = false, bool IncludeDone = false);

/// <summary>How many open and overdue tasks one person has.</summary>
internal sealed record OverdueCount(Guid UserId, string Name, int Open, int Overdue);

/// <summary>Tasks of sales people: created for oneself or, by a supervisor, for his people; listed within the data scope.</summary>
internal sealed class TaskService(SalesDbContext db, OpportunityService deals, SalesPeople people, IDataScopeProvider dataScope, TimeProvider time)
{
    public const int MaxListed = 500;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<Result<SalesTask>> CreateAsync(TaskInput input, CancellationToken cancellationToken)
    {
        if (people.CurrentId is not { } me)
        {
            return Refusal.Forbidden("sales/user-only", "Only a signed-in user has tasks.");
        }

        var assignee = await people.FindAsync(input.AssigneeUserId ?? me, cancellationToken);
        if (assignee is null)
        {
            return Refusal.Invalid("sales/task-invalid", "assigneeUserId", "You give tasks to yourself or to the people of your team only.");
        }

        if (input.OpportunityId is { } dealId && !await (await deals.VisibleAsync(tracked: false, cancellationToken)).AnyAsync(o => o.Id == dealId, cancellationToken))
        {
            return SalesRefusals.NotFound(dealId).At("opportunityId");
        }

        var task = SalesTask.Create(input.Facts, input.OpportunityId, assignee.Id, assignee.OrganizationUnitId, me, Now);
        if (task.IsRefused)
        {
            return task.Refusal;
        }

        db.Set<SalesTask>().Add(task.Value);
        await db.SaveChangesAsync(cancellationToken);
        return task.Value;
    }

    /// <summary>Marks the task done, or open again; only its assignee or his supervisor does.</summary>
    public async Task<Result<SalesTask>> CompleteAsync(Guid id, bool done, CancellationToken cancellationToken)
    {
        var task = await (await VisibleAsync(cancellationToken)).AsTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return Refusal.NotFound("sales/task-not-found", "There is no task {0}.", id).Titled("No such task");
        }

        if (done)
        {
            task.Complete(Now);
        }
        else
        {
            task.Reopen();
        }

        await db.SaveChangesAsync(cancellationToken);
        return task;
    }

    public async Task<IReadOnlyList<SalesTask>> ListAsync(TaskFilter filter, CancellationToken cancellationToken)
    {
        var now = Now;
        var tasks = await VisibleAsync(cancellationToken);
        if (filter.AssigneeUserId is { } assignee)
        {
            tasks = tasks.Where(t => t.AssigneeUserId == assignee);
        }

        if (filter.OpportunityId is { } deal)
        {
            tasks = tasks.Where(t => t.OpportunityId == deal);
        }

        if (!filter.IncludeDone || filter.OverdueOnly)
        {
            tasks = tasks.Where(t => t.CompletedAt == null);
        }

        if (filter.OverdueOnly)
        {
            tasks = tasks.Where(t => t.DueAt < now);
        }

        return await tasks.OrderBy(t => t.CompletedAt != null).ThenBy(t => t.DueAt).Take(MaxListed).ToListAsync(cancellationToken);
    }

    /// <summary>Per person of the current user's scope: open and overdue tasks, the most overdue first.</summary>
    public async Task<IReadOnlyList<OverdueCount>> OverdueByPersonAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var counts = await (await VisibleAsync(cancellationToken)).Where(t => t.CompletedAt == null)
            .GroupBy(t => t.AssigneeUserId)
            .Select(g => new { g.Key, Open = g.Count(), Overdue = g.Count(t => t.DueAt < now) })
            .ToListAsync(cancellationToken);
        var everyone = await people.InScopeAsync(cancellationToken);
        return [.. everyone.Select(p => counts.FirstOrDefault(c => c.Key == p.Id) is { } c ? new OverdueCount(p.Id, p.DisplayName, c.Open, c.Overdue) : new OverdueCount(p.Id, p.DisplayName, 0, 0))
            .OrderByDescending(c => c.Overdue).ThenByDescending(c => c.Open).ThenBy(c => c.Name, StringComparer.CurrentCulture)];
    }

    /// <summary>The current user's open tasks whose reminder time or due time has come: the in-app reminders.</summary>
    public async Task<int> DueNowCountAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var me = people.CurrentId;
        return me is null ? 0 : await db.Set<SalesTask>().AsNoTracking()
            .CountAsync(t => t.AssigneeUserId == me && t.CompletedAt == null && (t.DueAt <= now || t.RemindAt <= now), cancellationToken);
    }

    private Task<IQueryable<SalesTask>> VisibleAsync(CancellationToken cancellationToken) =>
        dataScope.ApplyAsync(db.Set<SalesTask>().AsNoTracking(), t => t.AssigneeUserId, t => t.UnitId, cancellationToken);
}
