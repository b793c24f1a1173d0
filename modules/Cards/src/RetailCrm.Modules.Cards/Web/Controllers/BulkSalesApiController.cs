using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Selling;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Controllers;

/// <summary>HQ bulk sales (总部售卡): cards from HQ stock to a company customer against an invoice, all or nothing.</summary>
[ApiController]
[Route("api/cards/bulk-sales")]
internal sealed class BulkSalesApiController(BulkSaleService sales) : ControllerBase
{
    /// <summary>Sells the cards: 201 with the sale and its card numbers; 400 (field at fault) or 409 (invoice used). Needs an Idempotency-Key.</summary>
    [HttpPost]
    [IdempotentWrite]
    [RequirePermission(CardsPermissions.ManageBulkSales)]
    [ProducesResponseType<BulkSaleView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Sell(BulkSaleInput request, CancellationToken cancellationToken) =>
        (await sales.SellAsync(request, cancellationToken)).ToActionResult(sale => Created($"/api/cards/bulk-sales/{sale.Id}", sale));

    /// <summary>Lists the bulk sales, of one corporate customer when customerCode is given.</summary>
    [HttpGet]
    [RequirePermission(CardsPermissions.ManageBulkSales)]
    [ProducesResponseType<IReadOnlyList<BulkSaleView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(string? customerCode, CancellationToken cancellationToken) =>
        Ok(await sales.ListAsync(customerCode, cancellationToken));

    /// <summary>Reads one bulk sale.</summary>
    [HttpGet("{id:guid}")]
    [RequirePermission(CardsPermissions.ManageBulkSales)]
    [ProducesResponseType<BulkSaleView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        await sales.GetAsync(id, cancellationToken) is { } sale ? Ok(sale) : new RefusalResult(Refuse.NotFound("No such bulk sale."));
}
