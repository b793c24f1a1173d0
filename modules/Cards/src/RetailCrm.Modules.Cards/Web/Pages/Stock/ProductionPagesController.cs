using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Pages.Stock;

internal sealed record ProductionForm(
    [Required(ErrorMessage = "Choose a product.")] Guid? ProductId,
    [Required(ErrorMessage = "Give the number of cards.")][Range(1, 5000, ErrorMessage = "1 to 5000 cards a run.")] int? Quantity);

/// <summary>The quality check of a run: the spoiled numbers (one a line) and why; every other produced card is put away.</summary>
internal sealed record PutAwayForm(
    [StringLength(20_000, ErrorMessage = "Too many numbers.")] string? Spoiled,
    [StringLength(500, ErrorMessage = "At most 500 characters.")] string? SpoiledReason) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TypedNumbers.Parse(Spoiled) is not null && string.IsNullOrWhiteSpace(SpoiledReason))
        {
            yield return new ValidationResult("Say why the cards are spoiled.", [nameof(SpoiledReason)]);
        }
    }
}

internal sealed record ProductionPage(IReadOnlyList<ProductionView> Runs, IReadOnlyList<ProductView> Products, UserPermissions Permissions);

/// <summary>Card production (卡制作) at HQ: a new run encodes numbers onto blanks; putting a run away is its quality check (spoiled cards are voided with a reason).</summary>
[Route("cards/stock/production")]
internal sealed class ProductionPagesController(ProductionService production, ProductService products, IPermissionChecker permissions) : CardsPageController
{
    private const string PageUrl = "/cards/stock/production";

    [HttpGet("")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => await PageAsync(cancellationToken);

    [HttpPost("")]
    [RequirePermission(CardsPermissions.ProduceStock)]
    [PostOnce]
    public Task<IActionResult> Produce(ProductionForm form, CancellationToken cancellationToken) =>
        SubmitAsync("run",
            () => production.ProduceAsync(new ProductionInput(form.ProductId, form.Quantity), cancellationToken),
            _ => Done(PageUrl, "Production run made; check it and put it away."),
            () => PageAsync(cancellationToken));

    [HttpPost("{id:guid}/put-away")]
    [RequirePermission(CardsPermissions.ProduceStock)]
    [PostOnce]
    public Task<IActionResult> PutAway(Guid id, PutAwayForm form, CancellationToken cancellationToken) =>
        SubmitAsync("put-away-" + id,
            () => production.PutAwayAsync(id, new PutAwayInput(null,
                TypedNumbers.Parse(form.Spoiled)?.Select(n => new SpoiledCardInput(n, form.SpoiledReason)).ToList()), cancellationToken),
            _ => Done(PageUrl, "Run put away into HQ stock."),
            () => PageAsync(cancellationToken));

    private async Task<IActionResult> PageAsync(CancellationToken cancellationToken) =>
        View("~/Web/Views/StockPages/Production.cshtml", new ProductionPage(await production.ListAsync(null, cancellationToken), await products.ListAsync(cancellationToken), await UserPermissions.OfAsync(permissions, UserPermissions.StockForms, cancellationToken)));
}
