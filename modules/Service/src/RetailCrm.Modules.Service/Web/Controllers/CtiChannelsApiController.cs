using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Calls;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Calls;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>A webhook secret, shown once, when it is made.</summary>
internal sealed record WebhookSecretDto(string Source, string Secret, DateTime CreatedAt);

/// <summary>An agent's extension; an empty one takes it away.</summary>
internal sealed record AgentExtensionRequest(string? Extension);

/// <summary>The admins' set-up of the phone channels: the PBX and SMS gateway secrets and the agents' extensions.</summary>
[ApiController]
[Route("api/service/channels")]
internal sealed class CtiChannelsApiController(WebhookSecrets secrets, AgentExtensions extensions, TimeProvider time) : ControllerBase
{
    /// <summary>Makes a new secret for <c>pbx</c> or <c>sms</c>; the old one stops working at once. The answer is the only time it is shown.</summary>
    [HttpPost("{source}/secret")]
    [RequirePermission(ServicePermissions.Administer)]
    [ProducesResponseType<WebhookSecretDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> RenewSecret(string source, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<WebhookSource>(source, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(source, out _))
        {
            return new RefusalResult(Refusal.NotFound("service/webhook-unknown", "There is no webhook {0}; it is pbx or sms.", source).Titled("No such webhook"));
        }

        var secret = await secrets.RenewAsync(parsed, cancellationToken);
        return Ok(new WebhookSecretDto(parsed.ToString().ToLowerInvariant(), secret, time.GetUtcNow().UtcDateTime));
    }

    /// <summary>The agents and their phone extensions.</summary>
    [HttpGet("extensions")]
    [RequirePermission(ServicePermissions.Administer)]
    public Task<IReadOnlyList<AgentExtensionView>> Extensions(CancellationToken cancellationToken) => extensions.ListAsync(cancellationToken);

    /// <summary>Gives the agent (a user id) the extension a call rings at.</summary>
    [HttpPut("extensions/{userId:guid}")]
    [RequirePermission(ServicePermissions.Administer)]
    [ProducesResponseType<AgentExtensionView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> SetExtension(Guid userId, AgentExtensionRequest request, CancellationToken cancellationToken) =>
        (await extensions.SetAsync(userId, request.Extension, cancellationToken)).ToActionResult(v => v is null ? NoContent() : Ok(v));
}
