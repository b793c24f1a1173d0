using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Terminals;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web.Controllers;

/// <summary>Till terminals per store: register (the secret is shown once), list (never the secret) and revoke.</summary>
[ApiController]
[Route("api/cards/terminals")]
internal sealed class TerminalsApiController(TerminalService terminals) : ControllerBase
{
    [HttpPost]
    [RequirePermission(CardsPermissions.ManageTerminals)]
    [ProducesResponseType<RegisteredTerminalView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Register(TerminalInput request, CancellationToken cancellationToken)
    {
        var created = await terminals.RegisterAsync(request, cancellationToken);
        return Created($"/api/cards/terminals/{created.Id}", created);
    }

    [HttpGet]
    [RequirePermission(CardsPermissions.ManageTerminals)]
    [ProducesResponseType<IReadOnlyList<TerminalView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) => Ok(await terminals.ListAsync(cancellationToken));

    [HttpDelete("{id:guid}")]
    [RequirePermission(CardsPermissions.ManageTerminals)]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken cancellationToken) =>
        await terminals.RevokeAsync(id, cancellationToken) ? NoContent() : new RefusalResult(Refuse.NotFound("No such terminal."));
}
