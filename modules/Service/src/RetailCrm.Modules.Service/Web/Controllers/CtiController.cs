using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Calls;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Calls;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>
/// The PBX's webhook (<c>POST /api/service/cti/calls</c>, signed like the cards module's tills) and the agent's
/// screen-pop stream (<c>GET /api/service/cti/stream</c>, server-sent events, one <c>ringing</c> event per call).
/// </summary>
[ApiController]
[Route("api/service/cti")]
internal sealed class CtiController(CallService calls) : ControllerBase
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>
    /// One event of a call: <c>ringing</c> (pops the call up at the agent of <c>extension</c>), <c>answered</c>,
    /// <c>ended</c> (with <c>recordingUrl</c>). A repeated event changes nothing and answers the same record.
    /// </summary>
    [HttpPost("calls")]
    [Microsoft.AspNetCore.Authorization.AllowAnonymous]
    [ProducesResponseType(Microsoft.AspNetCore.Http.StatusCodes.Status401Unauthorized)]
    [SignedWebhook(WebhookSource.Pbx)]
    [ProducesResponseType<CallDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Event(CtiEventRequest request, CancellationToken cancellationToken) =>
        (await calls.ReceiveAsync(request, cancellationToken)).ToActionResult(o => Ok(CallDto.Of(o.Call, o.Repeated)));

    /// <summary>The signed-in agent's ringing calls as server-sent events (<c>event: ringing</c>, the pop as JSON).</summary>
    [HttpGet("stream")]
    [RequirePermission(ServicePermissions.TicketsView)]
    public async Task Stream([FromServices] ScreenPops pops, [FromServices] ScreenPopBuilder builder, [FromServices] ICurrentTenant tenant, [FromServices] ICurrentUser user)
    {
        var aborted = HttpContext.RequestAborted;
        Response.ContentType = "text/event-stream";
        Response.Headers.CacheControl = "no-cache";
        HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var subscription = pops.Subscribe(tenant.Id!.Value, user.Id!.Value);
        await Response.WriteAsync(": open\n\n", aborted);
        await Response.Body.FlushAsync(aborted);
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                wait.CancelAfter(KeepAlive);
                string message;
                try
                {
                    var call = await subscription.Reader.ReadAsync(wait.Token);
                    var pop = await builder.BuildAsync(call, aborted);
                    message = $"event: ringing\ndata: {JsonSerializer.Serialize(pop, JsonSerializerOptions.Web)}\n\n";
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    message = ": keep-alive\n\n";
                }

                await Response.WriteAsync(message, aborted);
                await Response.Body.FlushAsync(aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The page was closed or left.
        }
    }
}

/// <summary>A call record as the API shows it.</summary>
internal sealed record CallDto(
    Guid Id, string CallId, string From, string? FromE164, string To, string? Extension, Guid? AgentUserId, Guid? CustomerId,
    DateTime? RingingAt, DateTime? AnsweredAt, DateTime? EndedAt, int? DurationSeconds, string? RecordingUrl, Guid? TicketId, bool Repeated)
{
    public static CallDto Of(CallRecord c, bool repeated = false) => new(
        c.Id, c.CallId, c.From, c.FromE164, c.To, c.Extension, c.AgentUserId, c.CustomerId,
        c.RingingAt, c.AnsweredAt, c.EndedAt, c.DurationSeconds, c.RecordingUrl, c.TicketId, repeated);
}
