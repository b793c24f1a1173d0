using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Routing;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Routing;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Web.Controllers;

internal sealed record RoutingRuleDto(
    Guid Id, string Name, int Order, bool IsActive, TicketChannel? Channel, string? TypeKey, string? CustomerTier, string SubjectWords, Guid? TeamUnitId, RoutingStrategy Strategy)
{
    public static RoutingRuleDto From(RoutingRule r) => new(r.Id, r.Name, r.Order, r.IsActive, r.Channel, r.TypeKey, r.CustomerTier, r.SubjectWords, r.TeamUnitId, r.Strategy);
}

internal sealed record AvailabilityRequest(bool? Available);

internal sealed record AvailabilityDto(bool Available);

/// <summary>The JSON API of routing: the rules (service.admin) and the signed-in agent's availability (service.tickets.work).</summary>
[ApiController]
internal sealed class RoutingApiController(RoutingAdministration routing) : ControllerBase
{
    /// <summary>The rules in the order they are tried.</summary>
    [HttpGet("api/service/routing/rules")]
    [RequirePermission(ServicePermissions.Administer)]
    public async Task<IEnumerable<RoutingRuleDto>> Rules(CancellationToken cancellationToken) =>
        (await routing.RulesAsync(cancellationToken)).Select(RoutingRuleDto.From);

    /// <summary>Adds a routing rule (channel, type, tier, words of the subject; team and strategy).</summary>
    [HttpPost("api/service/routing/rules")]
    [RequirePermission(ServicePermissions.Administer)]
    [ProducesResponseType<RoutingRuleDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateRule(RoutingRuleInput request, CancellationToken cancellationToken) =>
        (await routing.SaveRuleAsync(null, request, cancellationToken)).ToActionResult(r => Created($"/api/service/routing/rules/{r.Id}", RoutingRuleDto.From(r)));

    /// <summary>Changes a routing rule.</summary>
    [HttpPut("api/service/routing/rules/{id:guid}")]
    [RequirePermission(ServicePermissions.Administer)]
    [ProducesResponseType<RoutingRuleDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> UpdateRule(Guid id, RoutingRuleInput request, CancellationToken cancellationToken) =>
        (await routing.SaveRuleAsync(id, request, cancellationToken)).ToActionResult(r => Ok(RoutingRuleDto.From(r)));

    /// <summary>Deletes a routing rule.</summary>
    [HttpDelete("api/service/routing/rules/{id:guid}")]
    [RequirePermission(ServicePermissions.Administer)]
    public async Task<IActionResult> DeleteRule(Guid id, CancellationToken cancellationToken) =>
        (await routing.DeleteRuleAsync(id, cancellationToken)).ToActionResult(_ => NoContent());

    /// <summary>Whether the signed-in agent takes new tickets (available) or not (away).</summary>
    [HttpGet("api/service/agents/me/availability")]
    [RequirePermission(ServicePermissions.TicketsWork)]
    public async Task<AvailabilityDto> Availability(CancellationToken cancellationToken) => new(await routing.IsAvailableAsync(cancellationToken));

    /// <summary>Marks the signed-in agent available (takes new tickets) or away.</summary>
    [HttpPost("api/service/agents/me/availability")]
    [RequirePermission(ServicePermissions.TicketsWork)]
    [ProducesResponseType<AvailabilityDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> SetAvailability(AvailabilityRequest request, CancellationToken cancellationToken) =>
        request.Available is not { } available
            ? new RefusalResult(Refusal.Invalid("service/availability-invalid", "available", "Say true (available) or false (away)."))
            : (await routing.SetAvailableAsync(available, cancellationToken)).ToActionResult(a => Ok(new AvailabilityDto(a)));
}
