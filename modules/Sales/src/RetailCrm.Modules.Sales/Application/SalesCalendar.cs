using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Sales.Application;

/// <summary>
/// Weeks, months and quarters in the tenant's sales time zone (<c>sales.time-zone</c>): a visit logged at 23:30 in
/// Shanghai belongs to that day's week, not to the UTC one.
/// </summary>
internal sealed class SalesCalendar(ISettingProvider settings, TimeProvider time)
{
    private TimeZoneInfo? _zone;

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken cancellationToken) =>
        _zone ??= TimeZoneInfo.TryFindSystemTimeZoneById(await settings.GetAsync(SalesSettings.TimeZone, cancellationToken) ?? SalesSettings.DefaultTimeZone, out var zone)
            ? zone
            : TimeZoneInfo.Utc;

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, await ZoneAsync(cancellationToken)));

    public static DateOnly QuarterStart(DateOnly day) => new(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The UTC instants of the local day's start and of the day <paramref name="days"/> later.</summary>
    public async Task<(DateTime From, DateTime To)> RangeAsync(DateOnly first, int days, CancellationToken cancellationToken) =>
        (await StartUtcAsync(first, cancellationToken), await StartUtcAsync(first.AddDays(days), cancellationToken));

    /// <summary>The UTC instant the local day starts.</summary>
    public async Task<DateTime> StartUtcAsync(DateOnly day, CancellationToken cancellationToken) => Utc(day, await ZoneAsync(cancellationToken));

    public async Task<DateOnly> LocalDayAsync(DateTime utc, CancellationToken cancellationToken) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), await ZoneAsync(cancellationToken)));

    /// <summary>The days asked for, both ends included; the quarter so far when neither is given.</summary>
    public async Task<(DateOnly From, DateOnly To)> RangeOrQuarterAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var today = await TodayAsync(cancellationToken);
        return (from ?? QuarterStart(today), to ?? today);
    }

    /// <summary>A time as people type it (a <c>datetime-local</c> input, in the sales time zone) as UTC.</summary>
    public async Task<DateTime> FromLocalAsync(DateTime local, CancellationToken cancellationToken) =>
        local.Kind == DateTimeKind.Utc ? local : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), await ZoneAsync(cancellationToken));

    private static DateTime Utc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}
