using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Pages.Stock;

internal sealed record OpenStockTakeForm([Required(ErrorMessage = "Choose the location.")][StringLength(50, ErrorMessage = "At most 50 characters.")] string? LocationCode);

/// <summary>What was counted: card numbers one a line, and blanks per product (<c>Blanks[productId]</c>; a product left empty counts 0).</summary>
internal sealed record CountForm([StringLength(200_000, ErrorMessage = "Too many numbers.")] string? Numbers, Dictionary<Guid, int?>? Blanks) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Blanks?.Values.Any(q => q is < 0 or > 10_000_000) == true)
        {
            yield return new ValidationResult("A count of blanks is 0 to 10,000,000.", [nameof(Blanks)]);
        }
    }
}

internal sealed record WriteOffForm([Required(ErrorMessage = "Say why the differences are written off.")][StringLength(500, ErrorMessage = "At most 500 characters.")] string? Reason);

/// <summary>The stock-takes page; <paramref name="OwnStore"/> is the user's store when the user works at one (the count is of it).</summary>
internal sealed record StockTakesPage(IReadOnlyList<StockTakeView> Takes, IReadOnlyList<OrganizationUnitInfo> Locations, string? OwnStore, UserPermissions Permissions);

internal sealed record StockTakePage(StockTakeView Take, IReadOnlyList<ProductView> Products, UserPermissions Permissions);

/// <summary>Stock-takes (盘点): open a count of a location, type the card numbers and blanks found, close to see the differences, write them off with a reason.</summary>
[Route("cards/stock/stock-takes")]
internal sealed class StockTakePagesController(StockTakeService takes, ProductService products, IOrganizationUnits units, ICurrentUser user,
    IPermissionChecker permissions) : CardsPageController
{
    private const string ListUrl = "/cards/stock/stock-takes";

    [HttpGet("")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => await ListAsync(cancellationToken);

    [HttpPost("")]
    [RequirePermission(CardsPermissions.CountStock)]
    [PostOnce]
    public Task<IActionResult> Open(OpenStockTakeForm form, CancellationToken cancellationToken) =>
        SubmitAsync("open",
            () => takes.OpenAsync(new StockTakeInput(form.LocationCode), cancellationToken),
            t => Done(TakeUrl(t.Id), "Stock-take opened; count the cards and blanks."),
            () => ListAsync(cancellationToken));

    [HttpGet("{id:guid}")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) => await TakeAsync(id, cancellationToken);

    [HttpPost("{id:guid}/count")]
    [RequirePermission(CardsPermissions.CountStock)]
    [PostOnce]
    public Task<IActionResult> Count(Guid id, CountForm form, CancellationToken cancellationToken) =>
        SubmitAsync("count",
            () => takes.CountAsync(id, new StockCountInput(TypedNumbers.Parse(form.Numbers) ?? [],
                (form.Blanks ?? []).Where(b => b.Value is not null).Select(b => new CountedBlanksInput(b.Key, b.Value)).ToList()), cancellationToken),
            _ => Done(TakeUrl(id), "Count saved."),
            () => TakeAsync(id, cancellationToken));

    [HttpPost("{id:guid}/close")]
    [RequirePermission(CardsPermissions.CountStock)]
    [PostOnce]
    public Task<IActionResult> Close(Guid id, CancellationToken cancellationToken) =>
        SubmitAsync("close",
            () => takes.CloseAsync(id, cancellationToken),
            _ => Done(TakeUrl(id), "Stock-take closed; see the differences."),
            () => TakeAsync(id, cancellationToken));

    [HttpPost("{id:guid}/write-off")]
    [RequirePermission(CardsPermissions.CountStock)]
    [PostOnce]
    public Task<IActionResult> WriteOff(Guid id, WriteOffForm form, CancellationToken cancellationToken) =>
        SubmitAsync("write-off",
            () => takes.WriteOffAsync(id, new WriteOffInput(form.Reason), cancellationToken),
            _ => Done(TakeUrl(id), "Differences written off."),
            () => TakeAsync(id, cancellationToken));

    private async Task<IActionResult> ListAsync(CancellationToken cancellationToken)
    {
        var locations = (await units.ListAsync(cancellationToken)).Where(u => u.Type is OrganizationUnitType.Headquarters or OrganizationUnitType.Store).ToList();
        var own = user.OrganizationUnitId is { } unitId ? locations.FirstOrDefault(u => u.Id == unitId && u.Type == OrganizationUnitType.Store)?.Code : null;
        return View("~/Web/Views/StockPages/StockTakes.cshtml", new StockTakesPage(await takes.ListAsync(null, cancellationToken), locations, own, await UserPermissions.OfAsync(permissions, UserPermissions.StockForms, cancellationToken)));
    }

    private async Task<IActionResult> TakeAsync(Guid id, CancellationToken cancellationToken) =>
        await takes.GetAsync(id, cancellationToken) is { } take
            ? View("~/Web/Views/StockPages/StockTake.cshtml", new StockTakePage(take, await products.ListAsync(cancellationToken), await UserPermissions.OfAsync(permissions, UserPermissions.StockForms, cancellationToken)))
            : NotFound();

    private static string TakeUrl(Guid id) => $"/cards/stock/stock-takes/{id}";
}
