using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Pages;

/// <summary>The product form as posted: amounts in yuan (text), turned into a <see cref="ProductInput"/> in fen.</summary>
internal sealed record ProductForm(
    [Required(ErrorMessage = "Give the product a code.")][StringLength(40, ErrorMessage = "At most 40 characters.")][RegularExpression("^[A-Za-z0-9_-]+$", ErrorMessage = "Letters, digits, - and _ only.")] string? Code,
    [Required(ErrorMessage = "Give the product a name.")][StringLength(200, ErrorMessage = "At most 200 characters.")] string? Name,
    [Required(ErrorMessage = "Choose the kind of card.")] CardKind? Kind,
    [Required(ErrorMessage = "Give the currency (e.g. CNY).")][RegularExpression("^[A-Z]{3}$", ErrorMessage = "Three capital letters, e.g. CNY.")] string? Currency,
    [Required(ErrorMessage = "Give the number prefix.")][RegularExpression("^[0-9]{1,12}$", ErrorMessage = "1 to 12 digits.")] string? NumberPrefix,
    [Required(ErrorMessage = "Give the number length.")][Range(8, 19, ErrorMessage = "A card number has 8 to 19 digits.")] int? NumberLength,
    [StringLength(300, ErrorMessage = "At most 300 characters.")] string? FaceDesign,
    [Range(0, 1200, ErrorMessage = "0 to 1200 months.")] int? ValidityMonths,
    [Yuan] string? Fee,
    [Yuan] string? Deposit,
    [Range(0, 100, ErrorMessage = "0 to 100 percent.")] int? DiscountPercent,
    [Range(0, 1_000_000, ErrorMessage = "0 to 1,000,000 points.")] int? PointsPerUnit,
    [Yuan(Positive = true)] string? PointsUnitAmount,
    PointsRounding? PointsRounding,
    [Yuan(Positive = true)] string? MinTopUp,
    [Required(ErrorMessage = "Give the largest top-up.")][Yuan(Positive = true)] string? MaxTopUp,
    [Required(ErrorMessage = "Give the largest balance.")][Yuan(Positive = true)] string? MaxBalance,
    bool? PinRequired,
    [Range(1, 20, ErrorMessage = "1 to 20 attempts.")] int? PinMaxAttempts,
    bool? IsActive,
    long? Version)
{
    public static ProductForm New() => new(null, null, CardKind.StoredValue, "CNY", null, 16, null, 0, "0.00", "0.00", 0, 0, "1.00", Domain.PointsRounding.Down,
        "1.00", null, null, false, 3, true, null);

    public static ProductForm From(ProductView p) => new(p.Code, p.Name, p.Kind, p.Currency, p.NumberPrefix, p.NumberLength, p.FaceDesign, p.ValidityMonths,
        Money.ToInput(p.Fee), Money.ToInput(p.Deposit), p.DiscountPercent, p.PointsPerUnit, Money.ToInput(p.PointsUnitAmount), p.PointsRounding,
        Money.ToInput(p.MinTopUp), Money.ToInput(p.MaxTopUp), Money.ToInput(p.MaxBalance), p.PinRequired, p.PinMaxAttempts, p.IsActive, p.Version);

    /// <summary>Only called once the form is valid: every amount parses.</summary>
    public ProductInput ToInput() => new(Code, Name, Kind, Currency, NumberPrefix, NumberLength, FaceDesign, ValidityMonths ?? 0, Fen(Fee) ?? 0, Fen(Deposit) ?? 0,
        DiscountPercent ?? 0, PointsPerUnit ?? 0, Fen(PointsUnitAmount), PointsRounding ?? Domain.PointsRounding.Down, Fen(MinTopUp), Fen(MaxTopUp), Fen(MaxBalance),
        PinRequired ?? false, PinMaxAttempts, IsActive ?? false, Version);

    private static long? Fen(string? yuan) => Money.TryParseYuan(yuan, out var fen, out _) ? fen : null;
}

internal sealed record ProductListPage(IReadOnlyList<ProductView> Products);

/// <summary>The product form: the stored product (or a new one's defaults); a refused form's values and errors are in its <see cref="FormState"/>.</summary>
internal sealed record ProductFormPage(Guid? ProductId, ProductForm Form);

/// <summary>Card products (卡规划设计): list, new and edit, every field of the product with its message when wrong.</summary>
[Route("cards/products")]
internal sealed class ProductPagesController(ProductService products) : CardsPageController
{
    [HttpGet("")]
    [RequirePermission(CardsPermissions.ViewProducts)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new ProductListPage(await products.ListAsync(cancellationToken)));

    [HttpGet("new")]
    [RequirePermission(CardsPermissions.ManageProducts)]
    public IActionResult New() => View("Edit", new ProductFormPage(null, ProductForm.New()));

    [HttpPost("new")]
    [RequirePermission(CardsPermissions.ManageProducts)]
    [PostOnce]
    public Task<IActionResult> Create(ProductForm form, CancellationToken cancellationToken) =>
        SubmitAsync(null, () => products.CreateAsync(form.ToInput(), cancellationToken), _ => Done("/cards/products", "Product saved."),
            () => Task.FromResult<IActionResult>(View("Edit", new ProductFormPage(null, form))));

    [HttpGet("{id:guid}/edit")]
    [RequirePermission(CardsPermissions.ManageProducts)]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken) =>
        await products.GetAsync(id, cancellationToken) is { } product
            ? View("Edit", new ProductFormPage(id, ProductForm.From(product)))
            : NotFound();

    [HttpPost("{id:guid}/edit")]
    [RequirePermission(CardsPermissions.ManageProducts)]
    [PostOnce]
    public async Task<IActionResult> Update(Guid id, ProductForm form, CancellationToken cancellationToken) =>
        await products.GetAsync(id, cancellationToken) is null
            ? NotFound()
            : await SubmitAsync(null, () => products.UpdateAsync(id, form.ToInput(), cancellationToken), _ => Done("/cards/products", "Product saved."),
                () => Task.FromResult<IActionResult>(View("Edit", new ProductFormPage(id, form))));
}
