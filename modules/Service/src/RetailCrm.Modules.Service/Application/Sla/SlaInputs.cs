using RetailCrm.Modules.Service.Contracts;

namespace RetailCrm.Modules.Service.Application.Sla;

/// <summary>One stretch of working hours as given: a weekday (<c>Monday</c>) and times <c>HH:mm</c> (<c>24:00</c> ends at midnight).</summary>
internal sealed record WorkingHoursInput(string? Day, string? From, string? To);

internal sealed record HolidayInput(string? Date, string? Name);

/// <summary>A business calendar as given to create or replace one.</summary>
internal sealed record CalendarInput(string? Name, string? TimeZone, IReadOnlyList<WorkingHoursInput>? Hours, IReadOnlyList<HolidayInput>? Holidays, bool IsDefault = false);

/// <summary>An SLA policy as given; targets in business minutes, empty conditions match every ticket.</summary>
internal sealed record PolicyInput(
    string? Name,
    string? TypeKey,
    TicketPriority? Priority,
    string? CustomerTier,
    int? FirstResponseMinutes,
    int? NextUpdateMinutes,
    int? ResolutionMinutes,
    Guid? CalendarId,
    int? WarningPercent,
    bool ReassignOnBreach = false);
