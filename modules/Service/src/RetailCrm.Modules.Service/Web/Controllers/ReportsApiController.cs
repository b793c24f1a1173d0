using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Reports;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>The supervisor's report over JSON: the tickets opened from <c>from</c> to <c>to</c> (days, UTC, both included; the last 30 days by default).</summary>
[ApiController]
[Route("api/service/reports")]
internal sealed class ReportsApiController(ReportQueries reports, TimeProvider time) : ControllerBase
{
    /// <summary>The supervisor report: volumes, SLA compliance, response and resolution times, agents and CSAT for a date range, channel, type and team.</summary>
    [HttpGet]
    [RequirePermission(ServicePermissions.Supervise)]
    [ProducesResponseType<ServiceReport>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get([FromQuery] DateOnly? from, [FromQuery] DateOnly? to, [FromQuery] TicketChannel? channel, [FromQuery] string? type, [FromQuery] Guid? team, CancellationToken cancellationToken)
    {
        var filter = ReportQueries.Filter(from, to, channel, type, team, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return filter.IsRefused ? new RefusalResult(filter.Refusal!) : Ok(await reports.BuildAsync(filter.Value, cancellationToken));
    }
}
