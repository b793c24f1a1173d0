using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Domain.Sla;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Sla;

/// <summary>Keeps the tenant's business calendars and SLA policies; every field at fault is refused at once, nothing half-saved.</summary>
internal sealed class SlaAdministration(ServiceDbContext db, SlaCalendars calendars)
{
    public const int MaxTargetMinutes = 60 * 24 * 365;

    public async Task<IReadOnlyList<SlaCalendar>> CalendarsAsync(CancellationToken cancellationToken)
    {
        await calendars.DefaultAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.Set<SlaCalendar>().AsNoTracking().OrderByDescending(c => c.IsDefault).ThenBy(c => c.Name).ToListAsync(cancellationToken);
    }

    public Task<SlaCalendar?> CalendarAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<SlaCalendar>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<Result<SlaCalendar>> SaveCalendarAsync(Guid? id, CalendarInput input, CancellationToken cancellationToken)
    {
        var calendar = id is { } existingId ? await db.Set<SlaCalendar>().FirstOrDefaultAsync(c => c.Id == existingId, cancellationToken) : null;
        if (id is not null && calendar is null)
        {
            return SlaRefusals.CalendarNotFound(id.Value);
        }

        var errors = new List<FieldRefusal>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > SlaCalendar.MaxNameLength)
        {
            errors.Add(new FieldRefusal("name", LocalizableText.Of("Give a name of 1 to {0} characters.", SlaCalendar.MaxNameLength)));
        }
        else if (await db.Set<SlaCalendar>().AnyAsync(c => c.Name == name && c.Id != id, cancellationToken))
        {
            errors.Add(new FieldRefusal("name", LocalizableText.Of("Another calendar is called {0}.", name)));
        }

        var zone = input.TimeZone?.Trim();
        if (!SlaSettings.IsKnownZone(zone))
        {
            errors.Add(new FieldRefusal("timeZone", LocalizableText.Of("Give an IANA time zone, e.g. Asia/Shanghai.")));
        }

        var hours = ParseHours(input.Hours ?? [], errors);
        var holidays = ParseHolidays(input.Holidays ?? [], errors);
        if (errors.Count > 0)
        {
            return SlaRefusals.Invalid(errors);
        }

        if (calendar is null)
        {
            calendar = SlaCalendar.Create(name!, zone!, hours, holidays);
            db.Set<SlaCalendar>().Add(calendar);
        }
        else
        {
            calendar.Name = name!;
            calendar.TimeZoneId = zone!;
            calendar.Hours = hours;
            calendar.Holidays = holidays;
        }

        if (input.IsDefault && !calendar.IsDefault)
        {
            await db.Set<SlaCalendar>().Where(c => c.IsDefault).ForEachAsync(c => c.IsDefault = false, cancellationToken);
            calendar.IsDefault = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        return calendar;
    }

    public Task<List<SlaPolicy>> PoliciesAsync(CancellationToken cancellationToken) =>
        db.Set<SlaPolicy>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);

    public async Task<Result<SlaPolicy>> SavePolicyAsync(Guid? id, PolicyInput input, CancellationToken cancellationToken)
    {
        var policy = id is { } existingId ? await db.Set<SlaPolicy>().FirstOrDefaultAsync(p => p.Id == existingId, cancellationToken) : null;
        if (id is not null && policy is null)
        {
            return SlaRefusals.PolicyNotFound(id.Value);
        }

        var errors = new List<FieldRefusal>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > SlaPolicy.MaxNameLength)
        {
            errors.Add(new FieldRefusal("name", LocalizableText.Of("Give a name of 1 to {0} characters.", SlaPolicy.MaxNameLength)));
        }

        CheckTarget("firstResponseMinutes", input.FirstResponseMinutes, errors);
        CheckTarget("nextUpdateMinutes", input.NextUpdateMinutes, errors);
        CheckTarget("resolutionMinutes", input.ResolutionMinutes, errors);
        if (input.FirstResponseMinutes is null && input.NextUpdateMinutes is null && input.ResolutionMinutes is null)
        {
            errors.Add(new FieldRefusal("resolutionMinutes", LocalizableText.Of("Give at least one target.")));
        }

        if (input.WarningPercent is < 1 or > 99)
        {
            errors.Add(new FieldRefusal("warningPercent", LocalizableText.Of("Give a warning threshold of 1 to 99 percent.")));
        }

        if (input.CalendarId is { } calendarId && !await db.Set<SlaCalendar>().AnyAsync(c => c.Id == calendarId, cancellationToken))
        {
            errors.Add(new FieldRefusal("calendarId", LocalizableText.Of("There is no calendar {0}.", calendarId)));
        }

        if (errors.Count > 0)
        {
            return SlaRefusals.Invalid(errors);
        }

        if (policy is null)
        {
            policy = SlaPolicy.Create(name!);
            db.Set<SlaPolicy>().Add(policy);
        }

        policy.Name = name!;
        policy.TypeKey = Blank(input.TypeKey);
        policy.Priority = input.Priority;
        policy.CustomerTier = Blank(input.CustomerTier);
        policy.FirstResponseMinutes = input.FirstResponseMinutes;
        policy.NextUpdateMinutes = input.NextUpdateMinutes;
        policy.ResolutionMinutes = input.ResolutionMinutes;
        policy.CalendarId = input.CalendarId;
        policy.WarningPercent = input.WarningPercent ?? 80;
        policy.ReassignOnBreach = input.ReassignOnBreach;
        await db.SaveChangesAsync(cancellationToken);
        return policy;
    }

    public async Task<Result<bool>> DeletePolicyAsync(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<SlaPolicy>().Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? SlaRefusals.PolicyNotFound(id) : true;
    }

    /// <summary>Parses <c>HH:mm</c>; <c>24:00</c> is midnight at the end of the day.</summary>
    public static TimeOnly? ParseTime(string? text) =>
        text?.Trim() == "24:00" ? TimeOnly.MinValue
        : TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
        : null;

    private static List<WorkingHours> ParseHours(IReadOnlyList<WorkingHoursInput> input, List<FieldRefusal> errors)
    {
        var hours = new List<WorkingHours>();
        foreach (var stretch in input)
        {
            if (!Enum.TryParse<DayOfWeek>(stretch.Day, ignoreCase: true, out var day) || !Enum.IsDefined(day) || int.TryParse(stretch.Day, out _))
            {
                errors.Add(new FieldRefusal("hours", LocalizableText.Of("{0} is not a weekday; give Monday to Sunday.", stretch.Day ?? "")));
                return [];
            }

            var (from, to) = (ParseTime(stretch.From), ParseTime(stretch.To));
            if (from is null || to is null || from == TimeOnly.MinValue && stretch.From?.Trim() == "24:00")
            {
                errors.Add(new FieldRefusal("hours", LocalizableText.Of("{0}-{1} is not a time range; give HH:mm from 00:00 to 24:00, e.g. 09:00-18:00.", stretch.From ?? "", stretch.To ?? "")));
                return [];
            }

            if (to != TimeOnly.MinValue && to <= from)
            {
                errors.Add(new FieldRefusal("hours", LocalizableText.Of("{0}-{1} ends before it starts.", stretch.From!, stretch.To!)));
                return [];
            }

            hours.Add(new WorkingHours(day, from.Value, to.Value));
        }

        if (hours.Count == 0)
        {
            errors.Add(new FieldRefusal("hours", LocalizableText.Of("Give working hours on at least one day.")));
        }
        else if (hours.GroupBy(h => h.Day).Any(d => Overlap(d.OrderBy(h => h.From).ToList())))
        {
            errors.Add(new FieldRefusal("hours", LocalizableText.Of("The working hours of a day overlap.")));
        }

        return hours;
    }

    private static bool Overlap(List<WorkingHours> day) =>
        day.Zip(day.Skip(1)).Any(p => p.First.To == TimeOnly.MinValue || p.First.To > p.Second.From);

    private static List<Holiday> ParseHolidays(IReadOnlyList<HolidayInput> input, List<FieldRefusal> errors)
    {
        var holidays = new List<Holiday>();
        foreach (var holiday in input)
        {
            if (!DateOnly.TryParseExact(holiday.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new FieldRefusal("holidays", LocalizableText.Of("{0} is not a date; give yyyy-MM-dd.", holiday.Date ?? "")));
                return [];
            }

            holidays.Add(new Holiday(date, Blank(holiday.Name) is { } name && name.Length <= SlaCalendar.MaxNameLength ? name : null));
        }

        return [.. holidays.DistinctBy(h => h.Date)];
    }

    private static void CheckTarget(string field, int? minutes, List<FieldRefusal> errors)
    {
        if (minutes is < 1 or > MaxTargetMinutes)
        {
            errors.Add(new FieldRefusal(field, LocalizableText.Of("Give 1 to {0} business minutes.", MaxTargetMinutes)));
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
