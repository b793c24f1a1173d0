namespace RetailCrm.Modules.Service.Domain.Sla;

/// <summary>One stretch of working time on a weekday, in the calendar's local time, e.g. Monday 09:00-12:00.</summary>
internal sealed record WorkingHours(DayOfWeek Day, TimeOnly From, TimeOnly To);

/// <summary>
/// Business time of a time zone: working hours per weekday (several stretches a day) and holidays. Counts and adds
/// business minutes between UTC instants; each stretch is turned into UTC on its own day, so a change to or from
/// summer time shortens or lengthens that day's stretch as the wall clock does.
/// </summary>
internal sealed class BusinessCalendar
{
    // A calendar with hours finds working time within a week, holidays aside; ten years bound a year of holidays.
    private const int MaxDaysSearched = 3660;
    private readonly TimeZoneInfo _zone;
    private readonly ILookup<DayOfWeek, WorkingHours> _hours;
    private readonly HashSet<DateOnly> _holidays;

    public BusinessCalendar(TimeZoneInfo zone, IEnumerable<WorkingHours> hours, IEnumerable<DateOnly> holidays)
    {
        _zone = zone;
        _hours = hours.OrderBy(h => h.From).ToLookup(h => h.Day);
        _holidays = [.. holidays];
        if (_hours.Count == 0)
        {
            throw new ArgumentException("A business calendar needs working hours on at least one day.", nameof(hours));
        }
    }

    /// <summary>The instant <paramref name="minutes"/> business minutes after <paramref name="startUtc"/>.</summary>
    public DateTime AddBusinessMinutes(DateTime startUtc, int minutes)
    {
        var left = TimeSpan.FromMinutes(Math.Max(0, minutes));
        foreach (var (from, to) in StretchesFrom(startUtc))
        {
            var begin = from < startUtc ? startUtc : from;
            if (begin >= to)
            {
                continue;
            }

            if (left == TimeSpan.Zero)
            {
                return begin;
            }

            var available = to - begin;
            if (available >= left)
            {
                return begin + left;
            }

            left -= available;
        }

        throw new InvalidOperationException("The calendar has no working time left.");
    }

    /// <summary>The business minutes between two instants (rounded down); zero when <paramref name="toUtc"/> is not later.</summary>
    public int BusinessMinutesBetween(DateTime fromUtc, DateTime toUtc)
    {
        if (toUtc <= fromUtc)
        {
            return 0;
        }

        var total = TimeSpan.Zero;
        foreach (var (from, to) in StretchesFrom(fromUtc))
        {
            if (from >= toUtc)
            {
                break;
            }

            var begin = from < fromUtc ? fromUtc : from;
            var end = to > toUtc ? toUtc : to;
            if (end > begin)
            {
                total += end - begin;
            }
        }

        return (int)total.TotalMinutes;
    }

    /// <summary>Whether <paramref name="utc"/> falls in working time.</summary>
    public bool IsWorkingTime(DateTime utc) => BusinessMinutesBetween(utc, utc.AddMinutes(1)) == 1;

    private IEnumerable<(DateTime From, DateTime To)> StretchesFrom(DateTime startUtc)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), _zone)).AddDays(-1);
        for (var i = 0; i < MaxDaysSearched; i++, day = day.AddDays(1))
        {
            if (_holidays.Contains(day))
            {
                continue;
            }

            foreach (var hours in _hours[day.DayOfWeek])
            {
                var from = ToUtc(day.ToDateTime(hours.From));
                var to = hours.To == TimeOnly.MinValue ? ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)) : ToUtc(day.ToDateTime(hours.To));
                if (to > from)
                {
                    yield return (from, to);
                }
            }
        }
    }

    // A wall-clock time skipped by the change to summer time counts from the first instant after the gap.
    private DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (_zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, _zone);
    }
}
