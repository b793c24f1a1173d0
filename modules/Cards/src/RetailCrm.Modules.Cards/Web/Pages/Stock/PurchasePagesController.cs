using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

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

internal sealed record PurchasesPage(IReadOnlyList<SupplierView> Suppliers, IReadOnlyList<PurchaseOrderView> Orders, IReadOnlyList<ProductView> Products, UserPermissions Permissions);

/// <summary>Blank card purchases (裸卡采购) at HQ: add suppliers, create purchase orders, place or cancel them, receive batches into HQ blank stock.</summary>
[Route("cards/stock/purchases")]
internal sealed class PurchasePagesController(PurchasingService purchasing, ProductService products, IPermissionChecker permissions) : CardsPageController
{
    private const string PageUrl = "/cards/stock/purchases";

    [HttpGet("")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => await PageAsync(cancellationToken);

    [HttpPost("suppliers")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [PostOnce]
    public Task<IActionResult> AddSupplier(SupplierForm form, CancellationToken cancellationToken) =>
        SubmitAsync("supplier",
            async () => (Result<SupplierView>)await purchasing.CreateSupplierAsync(new SupplierInput(form.Name, form.Contact, form.Phone, form.Email), cancellationToken),
            _ => Done(PageUrl, "Supplier added."),
            () => PageAsync(cancellationToken));

    [HttpPost("")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [PostOnce]
    public Task<IActionResult> Create(PurchaseOrderForm form, CancellationToken cancellationToken) =>
        SubmitAsync("order",
            () => purchasing.CreateOrderAsync(new PurchaseOrderInput(form.SupplierId, form.ProductId, form.Quantity, Fen(form.UnitPrice), form.ExpectedDate, form.Note), cancellationToken),
            _ => Done(PageUrl, "Purchase order created."),
            () => PageAsync(cancellationToken));

    [HttpPost("{id:guid}/order")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [PostOnce]
    public Task<IActionResult> Place(Guid id, CancellationToken cancellationToken) =>
        SubmitAsync("status-" + id,
            () => purchasing.PlaceAsync(id, cancellationToken),
            _ => Done(PageUrl, "Purchase order placed with the supplier."),
            () => PageAsync(cancellationToken));

    [HttpPost("{id:guid}/cancel")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [PostOnce]
    public Task<IActionResult> Cancel(Guid id, CancellationToken cancellationToken) =>
        SubmitAsync("status-" + id,
            () => purchasing.CancelAsync(id, cancellationToken),
            _ => Done(PageUrl, "Purchase order cancelled."),
            () => PageAsync(cancellationToken));

    [HttpPost("{id:guid}/receive")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [PostOnce]
    public Task<IActionResult> Receive(Guid id, PurchaseReceiptForm form, CancellationToken cancellationToken) =>
        SubmitAsync("receive-" + id,
            () => purchasing.ReceiveAsync(id, new ReceiptInput(form.Quantity, form.BatchReference), cancellationToken),
            _ => Done(PageUrl, "Batch received into HQ blank stock."),
            () => PageAsync(cancellationToken));

    private async Task<IActionResult> PageAsync(CancellationToken cancellationToken) =>
        View("~/Web/Views/StockPages/Purchases.cshtml", new PurchasesPage(await purchasing.SuppliersAsync(cancellationToken),
            await purchasing.OrdersAsync(null, null, cancellationToken), await products.ListAsync(cancellationToken), await UserPermissions.OfAsync(permissions, UserPermissions.StockForms, cancellationToken)));

    private static long? Fen(string? yuan) => Money.TryParseYuan(yuan, out var fen, out _) ? fen : null;
}
