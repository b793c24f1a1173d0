using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Application.Selling;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Pages;

/// <summary>The bulk sale form as posted: the value per card in yuan (text), turned into a <see cref="BulkSaleInput"/> in fen.</summary>
internal sealed record BulkSaleForm(
    [Required(ErrorMessage = "Choose the card product.")] Guid? ProductId,
    [Required(ErrorMessage = "Give the company's customer code.")][StringLength(40, ErrorMessage = "At most 40 characters.")] string? CustomerCode,
    [Required(ErrorMessage = "Give the number of cards.")][Range(1, 1000, ErrorMessage = "1 to 1000 cards at a time.")] int? Quantity,
    [Required(ErrorMessage = "Give the invoice number.")][StringLength(100, ErrorMessage = "At most 100 characters.")] string? InvoiceNumber,
    [Yuan] string? ValuePerCard,
    [RegularExpression("^[0-9]{4,8}$", ErrorMessage = "A PIN has 4 to 8 digits.")] string? Pin,
    [StringLength(500, ErrorMessage = "At most 500 characters.")] string? Note)
{
    public static BulkSaleForm Empty { get; } = new(null, null, 1, null, null, null, null);

    /// <summary>Only called once the form is valid: the value parses.</summary>
    public BulkSaleInput ToInput() => new(ProductId, Quantity, CustomerCode?.Trim(), InvoiceNumber?.Trim(),
        Money.TryParseYuan(ValuePerCard, out var fen, out _) ? fen : null, string.IsNullOrWhiteSpace(Pin) ? null : Pin.Trim(), string.IsNullOrWhiteSpace(Note) ? null : Note.Trim());
}

internal sealed record BulkSaleListPage(IReadOnlyList<BulkSaleView> Sales, IReadOnlyDictionary<Guid, string> ProductNames);

internal sealed record BulkSaleFormPage(BulkSaleForm Form, IReadOnlyList<ProductView> Products);

internal sealed record BulkSaleDetailsPage(BulkSaleView Sale, string ProductName);

/// <summary>HQ bulk sales (总部售卡) as pages: the list, the new sale form (posted once per rendering) and a sale with its cards, numbers masked.</summary>
[Route("cards/bulk-sales")]
internal sealed class BulkSalePagesController(BulkSaleService sales, ProductService products) : CardsPageController
{
    [HttpGet("")]
    [RequirePermission(CardsPermissions.ManageBulkSales)]
    public async Task<IActionResult> Index(string? customer, CancellationToken cancellationToken) =>
        View(new BulkSaleListPage(await sales.ListAsync(customer, cancellationToken), await ProductNamesAsync(cancellationToken)));

    [HttpGet("new")]
    [RequirePermission(CardsPermissions.ManageBulkSales)]
    public async Task<IActionResult> New(CancellationToken cancellationToken) => await FormAsync(cancellationToken);

    [HttpPost("new")]
    [RequirePermission(CardsPermissions.ManageBulkSales)]
    [PostOnce]
    public Task<IActionResult> Create(BulkSaleForm form, CancellationToken cancellationToken) =>
        SubmitAsync(null, () => sales.SellAsync(form.ToInput(), cancellationToken), sale => Done($"/cards/bulk-sales/{sale.Id}", "Bulk sale recorded."),
            () => FormAsync(cancellationToken));

    [HttpGet("{id:guid}")]
    [RequirePermission(CardsPermissions.ManageBulkSales)]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        if (await sales.GetAsync(id, cancellationToken) is not { } sale)
        {
            return NotFound();
        }

        var names = await ProductNamesAsync(cancellationToken);
        return View(new BulkSaleDetailsPage(sale, names.GetValueOrDefault(sale.ProductId, "")));
    }

    private async Task<IActionResult> FormAsync(CancellationToken cancellationToken) =>
        View("New", new BulkSaleFormPage(BulkSaleForm.Empty, (await products.ListAsync(cancellationToken)).Where(p => p.IsActive).ToList()));

    private async Task<IReadOnlyDictionary<Guid, string>> ProductNamesAsync(CancellationToken cancellationToken) =>
        (await products.ListAsync(cancellationToken)).ToDictionary(p => p.Id, p => $"{p.Code} · {p.Name}");
}
