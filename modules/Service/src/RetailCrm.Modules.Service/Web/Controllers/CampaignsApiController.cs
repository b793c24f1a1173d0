using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Campaigns;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Campaigns;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Web.Controllers;

internal sealed record CampaignDto(Guid Id, string Name, string? Term, string? Tier, string? LifecycleClass, DateTime CreatedAt)
{
    public static CampaignDto Of(Campaign c) => new(c.Id, c.Name, c.Term, c.Tier, c.LifecycleClass?.ToString(), c.CreatedAt);
}

internal sealed record CampaignCallDto(Guid Id, Guid CustomerId, string CustomerName, string Phone, Guid AgentUserId, string? Outcome, string? Note, DateTime? CalledAt, bool Done)
{
    public static CampaignCallDto Of(CampaignCall c) => new(c.Id, c.CustomerId, c.CustomerName, c.Phone, c.AgentUserId, c.Outcome?.ToString(), c.Note, c.CalledAt, c.IsDone);
}

internal sealed record CampaignDetailsDto(CampaignDto Campaign, int Done, int Total, IReadOnlyList<AgentProgress> Progress, IReadOnlyList<CampaignCallDto> Calls);

/// <summary>Outbound call lists: made from a customer filter, split among agents; each call gets an outcome.</summary>
[ApiController]
[Route("api/service/campaigns")]
internal sealed class CampaignsApiController(CampaignService campaigns, CampaignQueries queries) : ControllerBase
{
    /// <summary>The call lists, with their progress.</summary>
    [HttpGet]
    [RequirePermission(ServicePermissions.TicketsView)]
    public async Task<IReadOnlyList<CampaignDto>> List(CancellationToken cancellationToken) => [.. (await queries.ListAsync(cancellationToken)).Select(CampaignDto.Of)];

    /// <summary>A new list of the customers the filter finds (at most 50, those with a phone), split in turn among <c>agentUserIds</c>.</summary>
    [HttpPost]
    [RequirePermission(ServicePermissions.Supervise)]
    [ProducesResponseType<CampaignDetailsDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(NewCampaign request, CancellationToken cancellationToken)
    {
        var created = await campaigns.CreateAsync(request, cancellationToken);
        return created.IsRefused
            ? new RefusalResult(created.Refusal!)
            : Created($"/api/service/campaigns/{created.Value.Id}", Dto((await queries.DetailsAsync(created.Value.Id, cancellationToken))!));
    }

    /// <summary>A call list with its calls, their outcomes and the progress per agent.</summary>
    [HttpGet("{id:guid}")]
    [RequirePermission(ServicePermissions.TicketsView)]
    [ProducesResponseType<CampaignDetailsDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        await queries.DetailsAsync(id, cancellationToken) is { } details
            ? Ok(Dto(details))
            : new RefusalResult(Refusal.NotFound("service/campaign-not-found", "There is no call list {0}.", id).Titled("No such call list"));

    /// <summary>How the call went: Reached, NoAnswer, CallBack (stays to do), WrongNumber or Refused, with a note.</summary>
    [HttpPut("{id:guid}/calls/{callId:guid}/outcome")]
    [RequirePermission(ServicePermissions.TicketsWork)]
    [ProducesResponseType<CampaignCallDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Outcome(Guid id, Guid callId, CallOutcomeInput request, CancellationToken cancellationToken) =>
        (await campaigns.RecordAsync(id, callId, request, cancellationToken)).ToActionResult(c => Ok(CampaignCallDto.Of(c)));

    private static CampaignDetailsDto Dto(CampaignDetails d) =>
        new(CampaignDto.Of(d.Campaign), d.Done, d.Total, d.Progress, [.. d.Calls.Select(CampaignCallDto.Of)]);
}
