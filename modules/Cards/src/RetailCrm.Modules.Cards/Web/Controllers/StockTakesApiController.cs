using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web.Controllers;

/// <summary>Stock-takes (盘点): open a count of a location, submit what was counted, close with the differences, write off.</summary>
[ApiController]
[Route("api/cards/stock/stock-takes")]
internal sealed class StockTakesApiController(StockTakeService takes) : ControllerBase
{
    [HttpGet]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<StockTakeView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(string? locationCode, CancellationToken cancellationToken) => Ok(await takes.ListAsync(locationCode, cancellationToken));

    [HttpGet("{id:guid}")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<StockTakeView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        await takes.GetAsync(id, cancellationToken) is { } take ? Ok(take) : new RefusalResult(Refuse.NotFound("No such stock-take."));

    /// <summary>Opens a stock-take: snapshot of the location's cards in stock and its blanks.</summary>
    [HttpPost]
    [RequirePermission(CardsPermissions.CountStock)]
    [ProducesResponseType<StockTakeView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Open(StockTakeInput request, CancellationToken cancellationToken) =>
        (await takes.OpenAsync(request, cancellationToken)).ToActionResult(t => Created($"/api/cards/stock/stock-takes/{t.Id}", t));

    /// <summary>Submits the counted numbers and blanks (again, to correct a count, while not closed).</summary>
    [HttpPut("{id:guid}/count")]
    [RequirePermission(CardsPermissions.CountStock)]
    [ProducesResponseType<StockTakeView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Count(Guid id, StockCountInput request, CancellationToken cancellationToken) =>
        (await takes.CountAsync(id, request, cancellationToken)).ToActionResult(Ok);

    /// <summary>Closes the stock-take: missing and unexpected numbers and blank differences are kept.</summary>
    [HttpPost("{id:guid}/close")]
    [RequirePermission(CardsPermissions.CountStock)]
    [ProducesResponseType<StockTakeView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Close(Guid id, CancellationToken cancellationToken) => (await takes.CloseAsync(id, cancellationToken)).ToActionResult(Ok);

    /// <summary>Confirms the differences: missing cards still in stock become void with the reason, missing blanks leave the stock.</summary>
    [HttpPost("{id:guid}/write-off")]
    [RequirePermission(CardsPermissions.CountStock)]
    [ProducesResponseType<StockTakeView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> WriteOff(Guid id, WriteOffInput request, CancellationToken cancellationToken) =>
        (await takes.WriteOffAsync(id, request, cancellationToken)).ToActionResult(Ok);
}
