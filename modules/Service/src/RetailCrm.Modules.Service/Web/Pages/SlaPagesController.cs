using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Routing;
using RetailCrm.Modules.Service.Application.Sla;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Routing;
using RetailCrm.Modules.Service.Domain.Sla;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Web.Pages;

/// <summary>The admin page of SLA and routing: calendars, policies and routing rules, each with the form that adds one.</summary>
internal sealed record SlaSetupPage(
    IReadOnlyList<SlaCalendar> Calendars,
    IReadOnlyList<SlaPolicy> Policies,
    IReadOnlyList<RoutingRule> Rules,
    IReadOnlyList<Domain.Tickets.TicketType> Types,
    IReadOnlyList<OrganizationUnitInfo> Teams);

/// <summary>The supervisor's SLA page: running clocks past their warning or their target, most overdue first.</summary>
internal sealed record SlaRiskPage(IReadOnlyList<SlaRiskRow> Rows, DateTime Now, IReadOnlyDictionary<Guid, string> UserNames);

/// <summary>
/// SLA for people: supervisors see the tickets at risk; admins keep the business calendars (hours one weekday a line,
/// holidays one date a line), the policies and the routing rules. The same use cases as the JSON API.
/// </summary>
[Route("service")]
internal sealed class SlaPagesController(
    SlaAdministration sla,
    SlaQueries queries,
    RoutingAdministration routing,
    TicketTypeCatalog types,
    IOrganizationUnits units,
    IUserDirectory users) : CrmPageController
{
    [HttpGet("sla")]
    [RequirePermission(ServicePermissions.Supervise)]
    public async Task<IActionResult> AtRisk(CancellationToken cancellationToken) =>
        View(new SlaRiskPage(await queries.AtRiskAsync(cancellationToken), queries.Now,
            (await users.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName)));

    [HttpGet("admin/sla")]
    [RequirePermission(ServicePermissions.Administer)]
    public Task<IActionResult> Setup(CancellationToken cancellationToken) => SetupPageAsync(cancellationToken);

    [HttpPost("admin/sla/calendars")]
    [PostOnce]
    [RequirePermission(ServicePermissions.Administer)]
    public Task<IActionResult> AddCalendar(string? name, string? timeZone, string? hours, string? holidays, bool isDefault, CancellationToken cancellationToken) =>
        SaveCalendar(null, name, timeZone, hours, holidays, isDefault, cancellationToken);

    [HttpPost("admin/sla/calendars/{id:guid}")]
    [PostOnce]
    [RequirePermission(ServicePermissions.Administer)]
    public async Task<IActionResult> SaveCalendar(Guid? id, string? name, string? timeZone, string? hours, string? holidays, bool isDefault, CancellationToken cancellationToken)
    {
        var saved = await sla.SaveCalendarAsync(id, new CalendarInput(name, timeZone, ParseHours(hours), ParseHolidays(holidays), isDefault), cancellationToken);
        return saved.IsRefused
            ? await RefusedAsync(saved.Refusal, () => SetupPageAsync(cancellationToken), id is null ? "calendar" : "calendar-" + id)
            : Done("/service/admin/sla", "Calendar {0} saved.", saved.Value.Name);
    }

    [HttpPost("admin/sla/policies")]
    [PostOnce]
    [RequirePermission(ServicePermissions.Administer)]
    public async Task<IActionResult> AddPolicy(string? name, string? typeKey, TicketPriority? priority, string? customerTier, int? firstResponseMinutes, int? nextUpdateMinutes,
        int? resolutionMinutes, Guid? calendarId, int? warningPercent, bool reassignOnBreach, CancellationToken cancellationToken)
    {
        var saved = await sla.SavePolicyAsync(null, new PolicyInput(name, OrNull(typeKey), priority, OrNull(customerTier), firstResponseMinutes, nextUpdateMinutes,
            resolutionMinutes, calendarId, warningPercent, reassignOnBreach), cancellationToken);
        return saved.IsRefused
            ? await RefusedAsync(saved.Refusal, () => SetupPageAsync(cancellationToken), "policy")
            : Done("/service/admin/sla", "Policy {0} saved.", saved.Value.Name);
    }

    [HttpPost("admin/sla/policies/{id:guid}/delete")]
    [PostOnce]
    [RequirePermission(ServicePermissions.Administer)]
    public async Task<IActionResult> DeletePolicy(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await sla.DeletePolicyAsync(id, cancellationToken);
        return deleted.IsRefused ? await RefusedAsync(deleted.Refusal, () => SetupPageAsync(cancellationToken)) : Done("/service/admin/sla", "Policy deleted.");
    }

    [HttpPost("admin/sla/rules")]
    [PostOnce]
    [RequirePermission(ServicePermissions.Administer)]
    public async Task<IActionResult> AddRule(string? name, int? order, TicketChannel? channel, string? typeKey, string? customerTier, string? subjectWords, Guid? teamUnitId,
        RoutingStrategy? strategy, CancellationToken cancellationToken)
    {
        var saved = await routing.SaveRuleAsync(null, new RoutingRuleInput(name, order, true, channel, OrNull(typeKey), OrNull(customerTier), OrNull(subjectWords), teamUnitId, strategy), cancellationToken);
        return saved.IsRefused
            ? await RefusedAsync(saved.Refusal, () => SetupPageAsync(cancellationToken), "rule")
            : Done("/service/admin/sla", "Routing rule {0} saved.", saved.Value.Name);
    }

    [HttpPost("admin/sla/rules/{id:guid}/delete")]
    [PostOnce]
    [RequirePermission(ServicePermissions.Administer)]
    public async Task<IActionResult> DeleteRule(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await routing.DeleteRuleAsync(id, cancellationToken);
        return deleted.IsRefused ? await RefusedAsync(deleted.Refusal, () => SetupPageAsync(cancellationToken)) : Done("/service/admin/sla", "Routing rule deleted.");
    }

    /// <summary>The hours as written on the page: one line per stretch, <c>Monday 09:00-12:00</c>; a line that says otherwise is passed on for the use case to refuse.</summary>
    public static IReadOnlyList<WorkingHoursInput> ParseHours(string? text) =>
        [.. Lines(text).Select(line =>
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var range = parts.Length > 1 ? parts[1].Split('-', 2, StringSplitOptions.TrimEntries) : [];
            return new WorkingHoursInput(parts[0], range.ElementAtOrDefault(0), range.ElementAtOrDefault(1));
        })];

    /// <summary>The holidays as written on the page: one line per date, <c>2026-10-01 National Day</c>.</summary>
    public static IReadOnlyList<HolidayInput> ParseHolidays(string? text) =>
        [.. Lines(text).Select(line => line.Split(' ', 2, StringSplitOptions.TrimEntries)).Select(p => new HolidayInput(p[0], p.ElementAtOrDefault(1)))];

    public static string FormatHours(SlaCalendar calendar) =>
        string.Join('\n', calendar.Hours.Select(h => $"{h.Day} {SlaCalendar.Format(h.From)}-{(h.To == TimeOnly.MinValue ? "24:00" : SlaCalendar.Format(h.To))}"));

    public static string FormatHolidays(SlaCalendar calendar) =>
        string.Join('\n', calendar.Holidays.Select(h => $"{h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {h.Name}".TrimEnd()));

    private static string[] Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<IActionResult> SetupPageAsync(CancellationToken cancellationToken) =>
        View("Setup", new SlaSetupPage(await sla.CalendarsAsync(cancellationToken), await sla.PoliciesAsync(cancellationToken), await routing.RulesAsync(cancellationToken),
            await types.ListAsync(cancellationToken), await units.ListAsync(cancellationToken)));
}
