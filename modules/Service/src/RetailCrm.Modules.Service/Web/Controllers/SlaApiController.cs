using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Sla;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Sla;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>A business calendar: zone, working hours per weekday (<c>HH:mm</c>) and holidays.</summary>
internal sealed record CalendarDto(Guid Id, string Name, string TimeZone, bool IsDefault, IReadOnlyList<WorkingHoursInput> Hours, IReadOnlyList<HolidayInput> Holidays)
{
    public static CalendarDto From(SlaCalendar c) => new(
        c.Id, c.Name, c.TimeZoneId, c.IsDefault,
        [.. c.Hours.Select(h => new WorkingHoursInput(h.Day.ToString(), SlaCalendar.Format(h.From), h.To == TimeOnly.MinValue ? "24:00" : SlaCalendar.Format(h.To)))],
        [.. c.Holidays.Select(h => new HolidayInput(h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), h.Name))]);
}

internal sealed record PolicyDto(
    Guid Id, string Name, string? TypeKey, TicketPriority? Priority, string? CustomerTier, int? FirstResponseMinutes, int? NextUpdateMinutes,
    int? ResolutionMinutes, Guid? CalendarId, int WarningPercent, bool ReassignOnBreach)
{
    public static PolicyDto From(SlaPolicy p) => new(
        p.Id, p.Name, p.TypeKey, p.Priority, p.CustomerTier, p.FirstResponseMinutes, p.NextUpdateMinutes, p.ResolutionMinutes, p.CalendarId, p.WarningPercent, p.ReassignOnBreach);
}

/// <summary>
/// The JSON API of SLA: business calendars and policies (service.admin), a ticket's clocks (service.tickets.view) and
/// the tickets at risk or breached (service.supervise). Refusals are RFC 9457 problem details with the field at fault.
/// </summary>
[ApiController]
[Route("api/service/sla")]
internal sealed class SlaApiController(SlaAdministration admin, SlaQueries queries) : ControllerBase
{
    /// <summary>The tenant's calendars, the default first (created on first use: Monday to Friday 09:00-18:00).</summary>
    [HttpGet("calendars")]
    [RequirePermission(ServicePermissions.Administer)]
    public async Task<IEnumerable<CalendarDto>> Calendars(CancellationToken cancellationToken) =>
        (await admin.CalendarsAsync(cancellationToken)).Select(CalendarDto.From);

    /// <summary>Adds a business calendar: zone, working hours per weekday and holidays.</summary>
    [HttpPost("calendars")]
    [RequirePermission(ServicePermissions.Administer)]
    [ProducesResponseType<CalendarDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateCalendar(CalendarInput request, CancellationToken cancellationToken) =>
        (await admin.SaveCalendarAsync(null, request, cancellationToken)).ToActionResult(c => Created($"/api/service/sla/calendars/{c.Id}", CalendarDto.From(c)));

    /// <summary>Replaces a calendar's name, zone, hours and holidays; running clocks take it from their next change.</summary>
    [HttpPut("calendars/{id:guid}")]
    [RequirePermission(ServicePermissions.Administer)]
    [ProducesResponseType<CalendarDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> UpdateCalendar(Guid id, CalendarInput request, CancellationToken cancellationToken) =>
        (await admin.SaveCalendarAsync(id, request, cancellationToken)).ToActionResult(c => Ok(CalendarDto.From(c)));

    /// <summary>The SLA policies, most specific first.</summary>
    [HttpGet("policies")]
    [RequirePermission(ServicePermissions.Administer)]
    public async Task<IEnumerable<PolicyDto>> Policies(CancellationToken cancellationToken) =>
        (await admin.PoliciesAsync(cancellationToken)).Select(PolicyDto.From);

    /// <summary>A policy for a ticket type, priority and customer tier (each may be empty = any); the most specific match wins.</summary>
    [HttpPost("policies")]
    [RequirePermission(ServicePermissions.Administer)]
    [ProducesResponseType<PolicyDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreatePolicy(PolicyInput request, CancellationToken cancellationToken) =>
        (await admin.SavePolicyAsync(null, request, cancellationToken)).ToActionResult(p => Created($"/api/service/sla/policies/{p.Id}", PolicyDto.From(p)));

    /// <summary>Changes an SLA policy; running clocks keep their targets.</summary>
    [HttpPut("policies/{id:guid}")]
    [RequirePermission(ServicePermissions.Administer)]
    [ProducesResponseType<PolicyDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> UpdatePolicy(Guid id, PolicyInput request, CancellationToken cancellationToken) =>
        (await admin.SavePolicyAsync(id, request, cancellationToken)).ToActionResult(p => Ok(PolicyDto.From(p)));

    /// <summary>Deletes a policy; clocks already running keep their targets.</summary>
    [HttpDelete("policies/{id:guid}")]
    [RequirePermission(ServicePermissions.Administer)]
    public async Task<IActionResult> DeletePolicy(Guid id, CancellationToken cancellationToken) =>
        (await admin.DeletePolicyAsync(id, cancellationToken)).ToActionResult(_ => NoContent());

    /// <summary>A ticket's clocks now: target, elapsed and paused business minutes, due time, breach.</summary>
    [HttpGet("tickets/{id:guid}/clocks")]
    [RequirePermission(ServicePermissions.TicketsView)]
    public Task<IReadOnlyList<SlaClockView>> Clocks(Guid id, CancellationToken cancellationToken) => queries.ClocksAsync(id, cancellationToken);

    /// <summary>Running clocks past their warning time or their target, most overdue first.</summary>
    [HttpGet("at-risk")]
    [RequirePermission(ServicePermissions.Supervise)]
    public Task<IReadOnlyList<SlaRiskRow>> AtRisk(CancellationToken cancellationToken) => queries.AtRiskAsync(cancellationToken);
}
