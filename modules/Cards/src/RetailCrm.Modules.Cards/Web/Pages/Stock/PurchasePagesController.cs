using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Web.Pages.Stock;

internal sealed record SupplierForm(
    [Required(ErrorMessage = "Give the supplier's name.")][StringLength(200, ErrorMessage = "At most 200 characters.")] string? Name,
    [StringLength(100, ErrorMessage = "At most 100 characters.")] string? Contact,
    [StringLength(50, ErrorMessage = "At most 50 characters.")] string? Phone,
    [EmailAddress(ErrorMessage = "Not an e-mail address.")][StringLength(200, ErrorMessage = "At most 200 characters.")] string? Email);

internal sealed record PurchaseOrderForm(
    [Required(ErrorMessage = "Choose a supplier.")] Guid? SupplierId,
    [Required(ErrorMessage = "Choose a product.")] Guid? ProductId,
    [Required(ErrorMessage = "Give the number of blanks.")][Range(1, 1_000_000, ErrorMessage = "1 to 1,000,000 blanks.")] int? Quantity,
    [Required(ErrorMessage = "Give the unit price.")][Yuan] string? UnitPrice,
    DateOnly? ExpectedDate,
    [StringLength(500, ErrorMessage = "At most 500 characters.")] string? Note);

internal sealed record PurchaseReceiptForm(
    [Required(ErrorMessage = "Give the number of blanks that arrived.")][Range(1, 1_000_000, ErrorMessage = "1 to 1,000,000 blanks.")] int? Quantity,
    [Required(ErrorMessage = "Give the batch reference.")][StringLength(100, ErrorMessage = "At most 100 characters.")] string? BatchReference);

internal sealed record PurchasesPage(IReadOnlyList<SupplierView> Suppliers, IReadOnlyList<PurchaseOrderView> Orders, IReadOnlyList<ProductView> Products, StockUi Ui);

/// <summary>Blank card purchases (裸卡采购) at HQ: add suppliers, create purchase orders, place or cancel them, receive batches into HQ blank stock.</summary>
[Route("cards/stock/purchases")]
internal sealed class PurchasePagesController(PurchasingService purchasing, ProductService products, IPermissionChecker permissions) : StockPagesBase(permissions)
{
    private const string PageUrl = "/cards/stock/purchases";

    [HttpGet("")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => await PageAsync(await UiAsync(cancellationToken), cancellationToken);

    [HttpPost("suppliers")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    public Task<IActionResult> AddSupplier(SupplierForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(formToken, PageUrl, "supplier", "Supplier added.",
            async () => (Result<SupplierView>)await purchasing.CreateSupplierAsync(new SupplierInput(form.Name, form.Contact, form.Phone, form.Email), cancellationToken),
            ui => PageAsync(ui, cancellationToken), cancellationToken);

    [HttpPost("")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    public Task<IActionResult> Create(PurchaseOrderForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(formToken, PageUrl, "order", "Purchase order created.",
            () => purchasing.CreateOrderAsync(new PurchaseOrderInput(form.SupplierId, form.ProductId, form.Quantity, Fen(form.UnitPrice), form.ExpectedDate, form.Note), cancellationToken),
            ui => PageAsync(ui, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/order")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    public Task<IActionResult> Place(Guid id, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(formToken, PageUrl, "status-" + id, "Purchase order placed with the supplier.", () => purchasing.PlaceAsync(id, cancellationToken),
            ui => PageAsync(ui, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/cancel")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    public Task<IActionResult> Cancel(Guid id, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(formToken, PageUrl, "status-" + id, "Purchase order cancelled.", () => purchasing.CancelAsync(id, cancellationToken),
            ui => PageAsync(ui, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/receive")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    public Task<IActionResult> Receive(Guid id, PurchaseReceiptForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(formToken, PageUrl, "receive-" + id, "Batch received into HQ blank stock.",
            () => purchasing.ReceiveAsync(id, new ReceiptInput(form.Quantity, form.BatchReference), cancellationToken),
            ui => PageAsync(ui, cancellationToken), cancellationToken);

    private async Task<IActionResult> PageAsync(StockUi ui, CancellationToken cancellationToken) =>
        View("~/Web/Views/StockPages/Purchases.cshtml", new PurchasesPage(await purchasing.SuppliersAsync(cancellationToken),
            await purchasing.OrdersAsync(null, null, cancellationToken), await products.ListAsync(cancellationToken), ui));

    private static long? Fen(string? yuan) => Money.TryParseYuan(yuan, out var fen, out _) ? fen : null;
}
