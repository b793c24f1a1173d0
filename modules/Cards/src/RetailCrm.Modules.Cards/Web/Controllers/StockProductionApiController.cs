using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web.Controllers;

/// <summary>Card production (卡制作): runs that encode numbers onto HQ blanks, and their quality check (put away or spoil).</summary>
[ApiController]
[Route("api/cards/stock/production")]
internal sealed class StockProductionApiController(ProductionService production) : ControllerBase
{
    [HttpGet]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<IReadOnlyList<ProductionView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(Guid? productId, CancellationToken cancellationToken) => Ok(await production.ListAsync(productId, cancellationToken));

    /// <summary>A run with its first and last number and its cards counted by status.</summary>
    [HttpGet("{id:guid}")]
    [RequirePermission(CardsPermissions.ViewStock)]
    [ProducesResponseType<ProductionView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        await production.GetAsync(id, cancellationToken) is { } run ? Ok(run) : new RefusalResult(Refuse.NotFound("No such production run."));

    /// <summary>Encodes the product's next numbers onto that many HQ blanks (400 on <c>quantity</c> when the blanks are short).</summary>
    [HttpPost]
    [RequirePermission(CardsPermissions.ProduceStock)]
    [ProducesResponseType<ProductionView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Produce(ProductionInput request, CancellationToken cancellationToken) =>
        (await production.ProduceAsync(request, cancellationToken)).ToActionResult(r => Created($"/api/cards/stock/production/{r.Id}", r));

    /// <summary>Quality check: puts produced cards into HQ stock and voids the spoiled ones with their reason.</summary>
    [HttpPost("{id:guid}/put-away")]
    [RequirePermission(CardsPermissions.ProduceStock)]
    [ProducesResponseType<ProductionView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> PutAway(Guid id, PutAwayInput? request, CancellationToken cancellationToken) =>
        (await production.PutAwayAsync(id, request ?? new PutAwayInput(null, null), cancellationToken)).ToActionResult(Ok);
}
