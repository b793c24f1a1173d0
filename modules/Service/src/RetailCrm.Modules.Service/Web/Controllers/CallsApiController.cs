using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Calls;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>Links a call to the ticket it led to.</summary>
internal sealed record CallTicketRequest(Guid? TicketId);

/// <summary>A page of call records.</summary>
internal sealed record CallListDto(IReadOnlyList<CallDto> Items, int Total, int Page, int PageSize);

/// <summary>The call records: the list with filters, one call, and the link to its ticket.</summary>
[ApiController]
[Route("api/service/calls")]
internal sealed class CallsApiController(CallQueries queries, CallService calls, TicketQueries tickets) : ControllerBase
{
    /// <summary>Calls newest first; filters: the number (any part), the agent, the customer, the ticket, answered or missed, a day range (UTC).</summary>
    [HttpGet]
    [RequirePermission(ServicePermissions.TicketsView)]
    public async Task<CallListDto> List([FromQuery] CallFilter filter, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        var (p, size) = Sdk.Web.Pager.Clamp(page, pageSize);
        var (items, total) = await queries.ListAsync(filter, p, size, cancellationToken);
        return new CallListDto([.. items.Select(c => CallDto.Of(c))], total, p, size);
    }

    /// <summary>A call record: numbers, agent, times, duration, recording link and the ticket it led to.</summary>
    [HttpGet("{id:guid}")]
    [RequirePermission(ServicePermissions.TicketsView)]
    [ProducesResponseType<CallDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, cancellationToken) is { } call ? Ok(CallDto.Of(call)) : new RefusalResult(CallRefusals.NotFound(id));

    /// <summary>Links the call to the ticket it led to (the pop's "Open ticket" does it with the ticket it opens).</summary>
    [HttpPut("{id:guid}/ticket")]
    [RequirePermission(ServicePermissions.TicketsWork)]
    [ProducesResponseType<CallDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> LinkTicket(Guid id, CallTicketRequest request, CancellationToken cancellationToken)
    {
        if (request.TicketId is not { } ticketId || await tickets.DetailsAsync(ticketId, cancellationToken) is null)
        {
            return new RefusalResult(Refusal.Invalid("service/call-invalid", "ticketId", "Give a ticket you can see.").Titled("The call event is not valid"));
        }

        return await calls.LinkTicketAsync(id, ticketId, cancellationToken) && await queries.FindAsync(id, cancellationToken) is { } call
            ? Ok(CallDto.Of(call))
            : new RefusalResult(CallRefusals.NotFound(id));
    }
}
