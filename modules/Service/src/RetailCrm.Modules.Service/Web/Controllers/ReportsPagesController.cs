using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Reports;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>The report page: the filter's choices and the figures (null when the filter was refused).</summary>
internal sealed record ReportsPage(ReportQueryString Query, ServiceReport? Report, IReadOnlyList<TicketType> Types, IReadOnlyList<OrganizationUnitInfo> Teams);

/// <summary>The report's filter as the query string carries it.</summary>
internal sealed record ReportQueryString(DateOnly? From, DateOnly? To, TicketChannel? Channel, string? Type, Guid? Team)
{
    public string ToQuery() => string.Join("&", new[]
    {
        From is { } f ? "from=" + f.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
        To is { } t ? "to=" + t.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
        Channel is { } c ? "channel=" + c : null,
        Type is { Length: > 0 } type ? "type=" + Uri.EscapeDataString(type) : null,
        Team is { } team ? "team=" + team : null,
    }.Where(p => p is not null));
}

/// <summary>The supervisor's reports: volumes, SLA compliance, response and resolution times, agents and CSAT, with charts and a CSV export.</summary>
[Route("service/reports")]
[RequirePermission(ServicePermissions.Supervise)]
internal sealed class ReportsPagesController(ReportQueries reports, TicketTypeCatalog types, IOrganizationUnits units, TimeProvider time) : CrmPageController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ReportQueryString query, CancellationToken cancellationToken)
    {
        var filter = Filter(query);
        var page = new ReportsPage(query, null, await types.ListAsync(cancellationToken), await units.ListAsync(cancellationToken));
        if (filter.IsRefused)
        {
            return await RefusedAsync(filter.Refusal!, () => Task.FromResult<IActionResult>(View("~/Web/Views/Reports/ServiceReports.cshtml", page)));
        }

        return View("~/Web/Views/Reports/ServiceReports.cshtml", page with { Report = await reports.BuildAsync(filter.Value, cancellationToken) });
    }

    /// <summary>The same figures as CSV.</summary>
    [HttpGet("export.csv")]
    public async Task<IActionResult> Export([FromQuery] ReportQueryString query, CancellationToken cancellationToken)
    {
        var filter = Filter(query);
        if (filter.IsRefused)
        {
            return new RefusalResult(filter.Refusal!);
        }

        var report = await reports.BuildAsync(filter.Value, cancellationToken);
        return File(ReportCsv.Write(report), "text/csv; charset=utf-8", $"service-report-{report.Filter.From:yyyyMMdd}-{report.Filter.To:yyyyMMdd}.csv");
    }

    private Result<ReportFilter> Filter(ReportQueryString query) =>
        ReportQueries.Filter(query.From, query.To, query.Channel, query.Type, query.Team, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
}
