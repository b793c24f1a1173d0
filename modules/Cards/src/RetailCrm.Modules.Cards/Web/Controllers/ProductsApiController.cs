using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web.Controllers;

/// <summary>Card products (卡规划设计): kinds, number formats, fees, points rules, top-up limits and PIN rules.</summary>
[ApiController]
[Route("api/cards/products")]
internal sealed class ProductsApiController(ProductService products) : ControllerBase
{
    /// <summary>Lists the card products.</summary>
    [HttpGet]
    [RequirePermission(CardsPermissions.ViewProducts)]
    [ProducesResponseType<IReadOnlyList<ProductView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> List(CancellationToken cancellationToken) => Ok(await products.ListAsync(cancellationToken));

    /// <summary>Reads one card product.</summary>
    [HttpGet("{id:guid}")]
    [RequirePermission(CardsPermissions.ViewProducts)]
    [ProducesResponseType<ProductView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        await products.GetAsync(id, cancellationToken) is { } product ? Ok(product) : new RefusalResult(Refuse.NotFound("No such card product."));

    /// <summary>Creates a product: 201, or 400 with the fields at fault (code taken, limits out of order, number too short).</summary>
    [HttpPost]
    [RequirePermission(CardsPermissions.ManageProducts)]
    [ProducesResponseType<ProductView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(ProductInput product, CancellationToken cancellationToken) =>
        (await products.CreateAsync(product, cancellationToken)).ToActionResult(p => Created($"/api/cards/products/{p.Id}", p));

    /// <summary>Changes a product; send the <c>version</c> read (409 when it changed meanwhile). The number format and currency stay once cards exist.</summary>
    [HttpPut("{id:guid}")]
    [RequirePermission(CardsPermissions.ManageProducts)]
    [ProducesResponseType<ProductView>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Update(Guid id, ProductInput product, CancellationToken cancellationToken) =>
        (await products.UpdateAsync(id, product, cancellationToken)).ToActionResult(Ok);

    /// <summary>Deletes a product no card was made of (409 otherwise: deactivate it instead).</summary>
    [HttpDelete("{id:guid}")]
    [RequirePermission(CardsPermissions.ManageProducts)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        await products.DeleteAsync(id, cancellationToken) is { } refused ? new RefusalResult(refused) : NoContent();
}
