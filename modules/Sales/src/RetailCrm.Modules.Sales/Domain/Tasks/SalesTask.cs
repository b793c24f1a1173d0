using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Domain.Tasks;

/// <summary>
/// Something a sales person is to do by a date (call back, send the proposal), usually for a deal. A reminder goes
/// out at <see cref="RemindAt"/>, once: <see cref="RemindedAt"/> is claimed by a conditional update before it is sent.
/// </summary>
internal sealed class SalesTask : ITenantOwned
{
    public const int MaxTitleLength = 200;
    public const int MaxNotesLength = 2000;

    private SalesTask()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    /// <summary>The deal it is for, or null for a task of its own.</summary>
    public Guid? OpportunityId { get; private set; }

    public string Title { get; private set; } = "";

    public string? Notes { get; private set; }

    public Guid AssigneeUserId { get; private set; }

    /// <summary>The assignee's unit: his supervisor sees the task among the team's.</summary>
    public Guid? UnitId { get; private set; }

    public DateTime DueAt { get; private set; }

    public DateTime? RemindAt { get; private set; }

    public DateTime? RemindedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public bool IsDone => CompletedAt is not null;

    public bool IsOverdue(DateTime now) => CompletedAt is null && DueAt < now;

    public static Result<SalesTask> Create(TaskFacts facts, Guid? opportunityId, Guid assigneeUserId, Guid? unitId, Guid createdBy, DateTime now)
    {
        if (facts.Check(now) is { Count: > 0 } errors)
        {
            return Refusal.Invalid("sales/task-invalid", errors);
        }

        return new SalesTask
        {
            Id = Guid.NewGuid(),
            OpportunityId = opportunityId,
            Title = facts.Title!.Trim(),
            Notes = OpportunityFacts.Clean(facts.Notes),
            AssigneeUserId = assigneeUserId,
            UnitId = unitId,
            DueAt = Utc(facts.DueAt!.Value),
            RemindAt = facts.RemindAt is { } remind ? Utc(remind) : null,
            CreatedByUserId = createdBy,
            CreatedAt = now,
        };
    }

    public void Complete(DateTime now) => CompletedAt ??= now;

    public void Reopen() => CompletedAt = null;

    internal static DateTime Utc(DateTime at) => at.Kind == DateTimeKind.Utc ? at : DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc);
}

/// <summary>A task as given; <see cref="Check"/> names every field at fault.</summary>
internal sealed record TaskFacts(string? Title, DateTime? DueAt, DateTime? RemindAt, string? Notes)
{
    public IReadOnlyList<FieldRefusal> Check(DateTime now)
    {
        var errors = new List<FieldRefusal>();
        if ((Title?.Trim().Length ?? 0) is 0 or > SalesTask.MaxTitleLength)
        {
            errors.Add(new FieldRefusal("title", LocalizableText.Of("Give the task a title of 1 to {0} characters.", SalesTask.MaxTitleLength)));
        }

        if (DueAt is null)
        {
            errors.Add(new FieldRefusal("dueAt", LocalizableText.Of("Say by when the task is due.")));
        }

        if (RemindAt is { } remind && DueAt is { } due && SalesTask.Utc(remind) > SalesTask.Utc(due))
        {
            errors.Add(new FieldRefusal("remindAt", LocalizableText.Of("A reminder comes before the task is due, not after.")));
        }

        if (Notes?.Trim().Length > SalesTask.MaxNotesLength)
        {
            errors.Add(new FieldRefusal("notes", LocalizableText.Of("Write at most {0} characters.", SalesTask.MaxNotesLength)));
        }

        return errors;
    }
}
