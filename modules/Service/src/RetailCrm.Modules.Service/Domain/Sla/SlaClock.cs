using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Sla;

/// <summary>The three clocks a ticket may run.</summary>
internal enum SlaClockKind
{
    /// <summary>From opening to the first agent reply.</summary>
    FirstResponse,

    /// <summary>From each customer message to the agent's next reply.</summary>
    NextUpdate,

    /// <summary>From opening to resolved; runs again when the ticket is re-opened.</summary>
    Resolution,
}

internal enum SlaClockState
{
    /// <summary>Not started yet (a next-update clock before the first customer message after a reply).</summary>
    Idle,

    Running,

    /// <summary>The ticket waits for the customer or a third party; the time does not count.</summary>
    Paused,

    Stopped,
}

/// <summary>
/// One SLA clock of a ticket: its target in business minutes, the business minutes it has run (and stood paused),
/// and, while it runs, when it is due and when the warning falls. Due times are worked out again on every change,
/// from the time still left, so a pause moves them by exactly the business time it lasted.
/// </summary>
internal sealed class SlaClock : ITenantOwned
{
    private SlaClock()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid TicketId { get; private set; }

    public SlaClockKind Kind { get; private set; }

    public Guid PolicyId { get; private set; }

    public Guid CalendarId { get; private set; }

    public int TargetMinutes { get; private set; }

    public int WarningPercent { get; private set; }

    public SlaClockState State { get; private set; }

    /// <summary>When the clock last started or resumed.</summary>
    public DateTime? RunningSince { get; private set; }

    /// <summary>Business minutes run before <see cref="RunningSince"/>.</summary>
    public int ElapsedMinutes { get; private set; }

    public DateTime? PausedSince { get; private set; }

    /// <summary>Business minutes the clock stood paused, all pauses together.</summary>
    public int PausedMinutes { get; private set; }

    public DateTime? DueAt { get; private set; }

    public DateTime? WarnAt { get; private set; }

    public DateTime? StoppedAt { get; private set; }

    /// <summary>When the supervisors were warned about this run; null until then.</summary>
    public DateTime? WarnedAt { get; private set; }

    /// <summary>When the target was missed; null while it holds.</summary>
    public DateTime? BreachedAt { get; private set; }

    /// <summary>When the supervisors were told about the breach.</summary>
    public DateTime? BreachNotifiedAt { get; private set; }

    public bool IsBreached => BreachedAt is not null;

    public static SlaClock For(Guid ticketId, SlaClockKind kind, SlaPolicy policy, Guid calendarId, int targetMinutes) => new()
    {
        Id = Guid.NewGuid(),
        TicketId = ticketId,
        Kind = kind,
        PolicyId = policy.Id,
        CalendarId = calendarId,
        TargetMinutes = targetMinutes,
        WarningPercent = policy.WarningPercent,
        State = SlaClockState.Idle,
    };

    /// <summary>The business minutes run so far, the current run included.</summary>
    public int ElapsedAt(DateTime now, BusinessCalendar calendar) =>
        ElapsedMinutes + (State == SlaClockState.Running && RunningSince is { } since ? calendar.BusinessMinutesBetween(since, now) : 0);

    /// <summary>The paused business minutes so far, the current pause included.</summary>
    public int PausedAt(DateTime now, BusinessCalendar calendar) =>
        PausedMinutes + (State == SlaClockState.Paused && PausedSince is { } since ? calendar.BusinessMinutesBetween(since, now) : 0);

    /// <summary>Starts a fresh run from zero (opening; a next-update clock on each customer message).</summary>
    public void Start(DateTime now, BusinessCalendar calendar)
    {
        ElapsedMinutes = 0;
        PausedMinutes = 0;
        PausedSince = null;
        StoppedAt = null;
        WarnedAt = null;
        BreachedAt = null;
        BreachNotifiedAt = null;
        Run(now, calendar);
    }

    /// <summary>Runs again after a pause, or after a stop (a re-opened ticket), keeping the minutes already run.</summary>
    public void Resume(DateTime now, BusinessCalendar calendar)
    {
        if (State == SlaClockState.Paused && PausedSince is { } since)
        {
            PausedMinutes += calendar.BusinessMinutesBetween(since, now);
        }

        if (State is SlaClockState.Paused or SlaClockState.Stopped)
        {
            PausedSince = null;
            StoppedAt = null;
            Run(now, calendar);
        }
    }

    public void Pause(DateTime now, BusinessCalendar calendar)
    {
        if (State != SlaClockState.Running)
        {
            return;
        }

        ElapsedMinutes = ElapsedAt(now, calendar);
        MarkBreachIfDue(now);
        State = SlaClockState.Paused;
        RunningSince = null;
        PausedSince = now;
        DueAt = null;
        WarnAt = null;
    }

    public void Stop(DateTime now, BusinessCalendar calendar)
    {
        if (State is SlaClockState.Idle or SlaClockState.Stopped)
        {
            return;
        }

        if (State == SlaClockState.Paused && PausedSince is { } since)
        {
            PausedMinutes += calendar.BusinessMinutesBetween(since, now);
        }

        ElapsedMinutes = ElapsedAt(now, calendar);
        MarkBreachIfDue(now);
        State = SlaClockState.Stopped;
        RunningSince = null;
        PausedSince = null;
        StoppedAt = now;
        DueAt = null;
        WarnAt = null;
    }

    private void Run(DateTime now, BusinessCalendar calendar)
    {
        State = SlaClockState.Running;
        RunningSince = now;
        var left = Math.Max(0, TargetMinutes - ElapsedMinutes);
        DueAt = calendar.AddBusinessMinutes(now, left);
        var warnAfter = (int)Math.Ceiling(TargetMinutes * WarningPercent / 100.0) - ElapsedMinutes;
        WarnAt = calendar.AddBusinessMinutes(now, Math.Max(0, warnAfter));
    }

    private void MarkBreachIfDue(DateTime now)
    {
        if (BreachedAt is null && DueAt is { } due && due <= now)
        {
            BreachedAt = due;
        }
    }
}
