using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Calls;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Calls;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>The channels page: when each webhook secret was made, a new secret shown once, and the agents' extensions.</summary>
internal sealed record ChannelsPage(
    DateTime? PbxSecretAt, DateTime? SmsSecretAt, string? NewSecretSource, string? NewSecret, IReadOnlyList<UserInfo> Users, IReadOnlyDictionary<Guid, string> Extensions);

/// <summary>The admins' page of the phone and SMS channels.</summary>
[Route("service/channels")]
internal sealed class CtiChannelsController(WebhookSecrets secrets, AgentExtensions extensions, IUserDirectory users) : CrmPageController
{
    [HttpGet("")]
    [RequirePermission(ServicePermissions.Administer)]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => ShowAsync(null, null, cancellationToken);

    /// <summary>Makes a new secret and shows it on the answer itself (never again): no redirect, so it is not kept anywhere.</summary>
    [HttpPost("{source}/secret")]
    [RequirePermission(ServicePermissions.Administer)]
    public async Task<IActionResult> RenewSecret(WebhookSource source, CancellationToken cancellationToken)
    {
        var secret = await secrets.RenewAsync(source, cancellationToken);
        return await ShowAsync(source.ToString().ToLowerInvariant(), secret, cancellationToken);
    }

    [HttpPost("extensions/{userId:guid}")]
    [RequirePermission(ServicePermissions.Administer)]
    [PostOnce]
    public async Task<IActionResult> SetExtension(Guid userId, [FromForm] string? extension, CancellationToken cancellationToken)
    {
        var set = await extensions.SetAsync(userId, extension, cancellationToken);
        if (set.IsRefused)
        {
            return await RefusedAsync(set.Refusal!, () => ShowAsync(null, null, cancellationToken), FormIdOf(userId));
        }

        return Done("/service/channels", "The extension was kept.");
    }

    public static string FormIdOf(Guid userId) => "ext-" + userId.ToString("N");

    private async Task<IActionResult> ShowAsync(string? source, string? secret, CancellationToken cancellationToken) =>
        View("~/Web/Views/Calls/Channels.cshtml", new ChannelsPage(
            await secrets.CreatedAtAsync(WebhookSource.Pbx, cancellationToken),
            await secrets.CreatedAtAsync(WebhookSource.Sms, cancellationToken),
            source,
            secret,
            await users.ListAsync(cancellationToken),
            (await extensions.ListAsync(cancellationToken)).ToDictionary(e => e.UserId, e => e.Extension)));
}
