using RetailCrm.Modules.Service.Domain.Sla;

namespace RetailCrm.Modules.Service.Application.Sla;

/// <summary>A clock as the pages and the API show it, at one instant.</summary>
/// <param name="Kind">Which clock.</param>
/// <param name="State">Idle, Running, Paused or Stopped.</param>
/// <param name="TargetMinutes">The target in business minutes.</param>
/// <param name="ElapsedMinutes">Business minutes run so far.</param>
/// <param name="PausedMinutes">Business minutes stood paused so far.</param>
/// <param name="DueAt">When it is due (UTC), while it runs.</param>
/// <param name="WarnAt">When the warning falls (UTC), while it runs.</param>
/// <param name="BreachedAt">When the target was missed, or null.</param>
/// <param name="StoppedAt">When it stopped, or null.</param>
internal sealed record SlaClockView(
    SlaClockKind Kind,
    SlaClockState State,
    int TargetMinutes,
    int ElapsedMinutes,
    int PausedMinutes,
    DateTime? DueAt,
    DateTime? WarnAt,
    DateTime? BreachedAt,
    DateTime? StoppedAt)
{
    public bool IsBreached(DateTime now) => BreachedAt is not null || DueAt <= now;

    public bool IsAtRisk(DateTime now) => State == SlaClockState.Running && WarnAt <= now && !IsBreached(now);

    public static SlaClockView Of(SlaClock clock, DateTime now, BusinessCalendar calendar) => new(
        clock.Kind, clock.State, clock.TargetMinutes, clock.ElapsedAt(now, calendar), clock.PausedAt(now, calendar),
        clock.DueAt, clock.WarnAt, clock.BreachedAt ?? (clock.DueAt <= now ? clock.DueAt : null), clock.StoppedAt);

    /// <summary>A span as <c>1h 20m</c>, <c>2d 3h</c> or <c>5m</c>.</summary>
    public static string Span(TimeSpan span)
    {
        var minutes = Math.Max(0, (int)Math.Floor(span.TotalMinutes));
        return minutes switch
        {
            >= 1440 => $"{minutes / 1440}d {minutes % 1440 / 60}h",
            >= 60 => $"{minutes / 60}h {minutes % 60}m",
            _ => $"{minutes}m",
        };
    }
}
