using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Calls;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Calls;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>The call records page: its filters, a page of calls and the agents' names.</summary>
internal sealed record CallsPage(CallFilter Filter, IReadOnlyList<CallRecord> Calls, Pager Pager, IReadOnlyDictionary<Guid, string> Agents);

/// <summary>The call records list with its filters (number, agent, answered or missed, days).</summary>
[Route("service/calls")]
internal sealed class CallsController(CallQueries queries, IUserDirectory users) : CrmPageController
{
    [HttpGet("")]
    [RequirePermission(ServicePermissions.TicketsView)]
    public async Task<IActionResult> Index([FromQuery] CallFilter filter, [FromQuery] int? page, CancellationToken cancellationToken)
    {
        var (p, size) = Pager.Clamp(page, null);
        var (calls, total) = await queries.ListAsync(filter, p, size, cancellationToken);
        var agents = (await users.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
        return View("~/Web/Views/Calls/Index.cshtml", new CallsPage(filter, calls, new Pager(p, size, total), agents));
    }
}
