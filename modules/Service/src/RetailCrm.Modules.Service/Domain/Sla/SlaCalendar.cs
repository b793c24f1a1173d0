using System.Globalization;
using System.Text.Json;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Sla;

/// <summary>A holiday of a calendar: a date in the calendar's zone, optionally named (e.g. 国庆节).</summary>
internal sealed record Holiday(DateOnly Date, string? Name);

/// <summary>A tenant's business calendar as stored: its zone, working hours per weekday and holidays.</summary>
internal sealed class SlaCalendar : ITenantOwned
{
    public const int MaxNameLength = 80;
    public const int MaxZoneLength = 60;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private SlaCalendar()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>An IANA zone, e.g. <c>Asia/Shanghai</c>.</summary>
    public string TimeZoneId { get; set; } = "";

    /// <summary>The calendar policies without their own one use.</summary>
    public bool IsDefault { get; set; }

    public string HoursJson { get; private set; } = "[]";

    public string HolidaysJson { get; private set; } = "[]";

    public IReadOnlyList<WorkingHours> Hours
    {
        get => (JsonSerializer.Deserialize<List<StoredHours>>(HoursJson, Json) ?? [])
            .Select(h => new WorkingHours(h.Day, TimeOnly.ParseExact(h.From, "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(h.To, "HH:mm", CultureInfo.InvariantCulture)))
            .ToList();
        set => HoursJson = JsonSerializer.Serialize(value.Select(h => new StoredHours(h.Day, Format(h.From), Format(h.To))), Json);
    }

    public IReadOnlyList<Holiday> Holidays
    {
        get => JsonSerializer.Deserialize<List<Holiday>>(HolidaysJson, Json) ?? [];
        set => HolidaysJson = JsonSerializer.Serialize(value.OrderBy(h => h.Date), Json);
    }

    /// <summary>Monday to Friday, 09:00-18:00.</summary>
    public static IReadOnlyList<WorkingHours> OfficeHours { get; } =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => new WorkingHours(d, new TimeOnly(9, 0), new TimeOnly(18, 0)))];

    public static SlaCalendar Create(string name, string timeZoneId, IReadOnlyList<WorkingHours> hours, IReadOnlyList<Holiday> holidays) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        TimeZoneId = timeZoneId,
        Hours = hours,
        Holidays = holidays,
    };

    public BusinessCalendar ToBusinessCalendar() =>
        new(TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId), Hours, Holidays.Select(h => h.Date));

    /// <summary>A stretch's end of <c>00:00</c> is midnight at the end of the day, written <c>24:00</c>.</summary>
    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private sealed record StoredHours(DayOfWeek Day, string From, string To);
}
