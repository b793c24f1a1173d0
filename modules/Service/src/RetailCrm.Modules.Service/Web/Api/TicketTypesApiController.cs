using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Web.Api;

/// <summary>Ticket types for admins: add one, change names, switch off, follow-up days, add and remove its own fields.</summary>
[ApiController]
[Route("api/service/ticket-types")]
[RequirePermission(ServicePermissions.Administer)]
internal sealed class TicketTypesApiController(TicketTypeAdministration administration) : ControllerBase
{
    /// <summary>Adds a type with a key (letters, digits, -), names in English and Chinese and optional follow-up days.</summary>
    [HttpPost]
    [ProducesResponseType<TicketTypeDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Add(TicketTypeInput request, CancellationToken cancellationToken) =>
        (await administration.AddAsync(request, cancellationToken)).ToActionResult(t => Created($"/api/service/ticket-types/{t.Key}", TicketTypeDto.From(t)));

    /// <summary>Changes a type's names, order, whether it is active, and its follow-up days (clearFollowUp removes them).</summary>
    [HttpPut("{key}")]
    [ProducesResponseType<TicketTypeDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Change(string key, TicketTypeInput request, CancellationToken cancellationToken) =>
        (await administration.ChangeAsync(key, request, cancellationToken)).ToActionResult(t => Ok(TicketTypeDto.From(t)));

    /// <summary>Adds a field to the type: key, labels, kind (Text, Number, Date, Select), required, choices (comma-separated).</summary>
    [HttpPost("{key}/fields")]
    [ProducesResponseType<TicketTypeDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> AddField(string key, TicketFieldInput request, CancellationToken cancellationToken) =>
        (await administration.AddFieldAsync(key, request, cancellationToken)).ToActionResult(t => Ok(TicketTypeDto.From(t)));

    /// <summary>Removes a field from the type; values already stored on tickets stay in their history.</summary>
    [HttpDelete("{key}/fields/{fieldKey}")]
    [ProducesResponseType<TicketTypeDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> RemoveField(string key, string fieldKey, CancellationToken cancellationToken) =>
        (await administration.RemoveFieldAsync(key, fieldKey, cancellationToken)).ToActionResult(t => Ok(TicketTypeDto.From(t)));
}
