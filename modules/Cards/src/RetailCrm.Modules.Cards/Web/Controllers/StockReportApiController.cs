using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web.Controllers;

/// <summary>The stock report (cards by location, product and status; blanks by location and product), cards at a location, a card's moves.</summary>
[ApiController]
[Route("api/cards/stock")]
internal sealed class StockReportApiController(StockReportService reports) : ControllerBase
{
    [HttpGet("report")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<StockReport>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Report(string? locationCode, Guid? productId, CancellationToken cancellationToken) =>
        Ok(await reports.ReportAsync(locationCode, productId, cancellationToken));

    [HttpGet("cards")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<StockCardView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Cards(string? locationCode, Guid? productId, CardStatus? status, CancellationToken cancellationToken) =>
        Ok(await reports.CardsAsync(locationCode, productId, status, cancellationToken));

    /// <summary>Every stock move of one card, oldest first.</summary>
    [HttpGet("cards/{number}/moves")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<CardMoveView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Moves(string number, CancellationToken cancellationToken) =>
        await reports.MovesAsync(number, cancellationToken) is { } moves ? Ok(moves) : new RefusalResult(Refuse.NotFound("No such card."));
}
