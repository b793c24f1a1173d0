using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Service.Application.Campaigns;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Campaigns;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>The form of a new call list, as the page posts it.</summary>
internal sealed class CampaignForm
{
    public string? Name { get; set; }

    public string? Term { get; set; }

    public string? Tier { get; set; }

    public LifecycleClass? LifecycleClass { get; set; }

    public List<Guid> AgentUserIds { get; set; } = [];
}

/// <summary>The call lists page: the lists, and the form of a new one with the tenant's users to choose agents from.</summary>
internal sealed record CampaignsPage(IReadOnlyList<Campaign> Campaigns, IReadOnlyList<UserInfo> Users);

/// <summary>One call list: its progress per agent and its calls, each with its outcome form.</summary>
internal sealed record CampaignPage(CampaignDetails Details, IReadOnlyDictionary<Guid, string> Agents);

[Route("service/campaigns")]
internal sealed class CampaignsController(CampaignService campaigns, CampaignQueries queries, IUserDirectory users) : CrmPageController
{
    [HttpGet("")]
    [RequirePermission(ServicePermissions.TicketsView)]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => ShowListAsync(cancellationToken);

    [HttpPost("")]
    [RequirePermission(ServicePermissions.Supervise)]
    [PostOnce]
    public async Task<IActionResult> Create([FromForm] CampaignForm form, CancellationToken cancellationToken)
    {
        var created = await campaigns.CreateAsync(new NewCampaign(form.Name, form.Term, form.Tier, form.LifecycleClass, form.AgentUserIds), cancellationToken);
        if (created.IsRefused)
        {
            return await RefusedAsync(created.Refusal!, () => ShowListAsync(cancellationToken));
        }

        var page = $"/service/campaigns/{created.Value.Id}";
        return Done(page, "The call list {0} was made.", created.Value.Name);
    }

    [HttpGet("{id:guid}")]
    [RequirePermission(ServicePermissions.TicketsView)]
    public Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    [HttpPost("{id:guid}/calls/{callId:guid}/outcome")]
    [RequirePermission(ServicePermissions.TicketsWork)]
    [PostOnce]
    public async Task<IActionResult> Outcome(Guid id, Guid callId, [FromForm] CallOutcome? outcome, [FromForm] string? note, CancellationToken cancellationToken)
    {
        var recorded = await campaigns.RecordAsync(id, callId, new CallOutcomeInput(outcome, note), cancellationToken);
        if (recorded.IsRefused)
        {
            return await RefusedAsync(recorded.Refusal!, () => ShowAsync(id, cancellationToken), FormIdOf(callId));
        }

        var page = $"/service/campaigns/{id}";
        return Done(page, "The outcome of the call to {0} was kept.", recorded.Value.CustomerName);
    }

    public static string FormIdOf(Guid callId) => "call-" + callId.ToString("N");

    private async Task<IActionResult> ShowListAsync(CancellationToken cancellationToken) =>
        View("~/Web/Views/Campaigns/Index.cshtml", new CampaignsPage(await queries.ListAsync(cancellationToken), await users.ListAsync(cancellationToken)));

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await queries.DetailsAsync(id, cancellationToken) is not { } details)
        {
            return new RefusalResult(Refusal.NotFound("service/campaign-not-found", "There is no call list {0}.", id).Titled("No such call list"));
        }

        var agents = (await users.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
        return View("~/Web/Views/Campaigns/Details.cshtml", new CampaignPage(details, agents));
    }
}
