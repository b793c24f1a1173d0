using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Calls;
using RetailCrm.Modules.Service.Application.Sms;
using RetailCrm.Modules.Service.Domain.Calls;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>The SMS gateway's webhook, signed as the PBX's is, with the tenant's SMS secret.</summary>
[ApiController]
[Route("api/service/sms")]
internal sealed class SmsWebhookController(SmsInbound inbound) : ControllerBase
{
    /// <summary>An SMS a customer sent: threaded into the newest open ticket of the number, or a new SMS ticket (201).</summary>
    [HttpPost("inbound")]
    [Microsoft.AspNetCore.Authorization.AllowAnonymous]
    [ProducesResponseType(Microsoft.AspNetCore.Http.StatusCodes.Status401Unauthorized)]
    [SignedWebhook(WebhookSource.Sms)]
    [ProducesResponseType<InboundSmsOutcome>(StatusCodes.Status200OK)]
    [ProducesResponseType<InboundSmsOutcome>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Inbound(InboundSmsRequest request, CancellationToken cancellationToken) =>
        (await inbound.ReceiveAsync(request, cancellationToken))
            .ToActionResult(o => o.Opened ? Created($"/api/service/tickets/{o.TicketId}", o) : Ok(o));
}
