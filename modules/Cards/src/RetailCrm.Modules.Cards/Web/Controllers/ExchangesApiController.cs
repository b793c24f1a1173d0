using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Selling;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web.Controllers;

/// <summary>Card exchange (换卡) at HQ or a store, and its history.</summary>
[ApiController]
[Route("api/cards")]
internal sealed class ExchangesApiController(ExchangeService exchanges) : ControllerBase
{
    /// <summary>Replaces the card by one from the location's stock: 201 with the exchange and the new card.</summary>
    [HttpPost("cards/{number}/exchange")]
    [RequirePermission(CardsPermissions.Exchange)]
    [ProducesResponseType<ExchangeView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Exchange(string number, ExchangeInput request, CancellationToken cancellationToken) =>
        (await exchanges.ExchangeAsync(number, request, cancellationToken)).ToActionResult(x => Created($"/api/cards/cards/{x.NewNumber}", x));

    /// <summary>Exchanges, newest first; with <c>number</c>, those of that card (old or new).</summary>
    [HttpGet("exchanges")]
    [RequirePermission(CardsPermissions.ViewCards)]
    [ProducesResponseType<IReadOnlyList<ExchangeView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(string? number, CancellationToken cancellationToken) => Ok(await exchanges.ListAsync(number, cancellationToken));
}
