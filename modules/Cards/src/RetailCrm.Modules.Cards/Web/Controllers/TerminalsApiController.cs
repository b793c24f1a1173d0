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
    /// <summary>Registers a till terminal for a store; the answer holds its signing secret, shown this once.</summary>
    [HttpPost]
    [RequirePermission(CardsPermissions.ManageTerminals)]
    [ProducesResponseType<RegisteredTerminalView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Register(TerminalInput request, CancellationToken cancellationToken)
    {
        var created = await terminals.RegisterAsync(request, cancellationToken);
        return Created($"/api/cards/terminals/{created.Id}", created);
    }

    /// <summary>Lists the registered terminals (never their secrets).</summary>
    [HttpGet]
    [RequirePermission(CardsPermissions.ManageTerminals)]
    [ProducesResponseType<IReadOnlyList<TerminalView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) => Ok(await terminals.ListAsync(cancellationToken));

    /// <summary>Revokes a terminal: its signed requests are refused from now on.</summary>
    [HttpDelete("{id:guid}")]
    [RequirePermission(CardsPermissions.ManageTerminals)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken cancellationToken) =>
        await terminals.RevokeAsync(id, cancellationToken) ? NoContent() : new RefusalResult(Refuse.NotFound("No such terminal."));
}
