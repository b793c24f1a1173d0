using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain.Stock;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Web.Pages.Stock;

internal sealed record StoreRequestForm(
    [Required(ErrorMessage = "Choose the store.")][StringLength(50, ErrorMessage = "At most 50 characters.")] string? StoreCode,
    [Required(ErrorMessage = "Choose a product.")] Guid? ProductId,
    [Required(ErrorMessage = "Give the number of cards.")][Range(1, 100_000, ErrorMessage = "1 to 100,000 cards.")] int? Quantity,
    [StringLength(500, ErrorMessage = "At most 500 characters.")] string? Note);

internal sealed record ApproveForm([Range(1, 100_000, ErrorMessage = "1 to 100,000 cards.")] int? Quantity);

internal sealed record RejectForm([Required(ErrorMessage = "Say why the request is rejected.")][StringLength(500, ErrorMessage = "At most 500 characters.")] string? Reason);

internal sealed record MissingForm(
    [Required(ErrorMessage = "Say what became of the missing cards.")] MissingCardResolution? Resolution,
    [Required(ErrorMessage = "Give the reason.")][StringLength(500, ErrorMessage = "At most 500 characters.")] string? Reason);

/// <summary>Card numbers typed one a line; empty means "all" (receive) or "HQ picks" (ship).</summary>
internal sealed record NumbersForm([StringLength(100_000, ErrorMessage = "Too many numbers.")] string? Numbers);

/// <summary>
/// The requests page. <paramref name="OwnStore"/> is the user's store when the user works at one (the request is
/// for it); otherwise the user picks one of <paramref name="Stores"/>.
/// </summary>
internal sealed record RequestsPage(IReadOnlyList<StoreRequestView> Requests, IReadOnlyList<ProductView> Products, IReadOnlyList<OrganizationUnitInfo> Stores,
    string? OwnStore, string? StoreCode, StoreRequestStatus? Status, StockUi Ui);

internal sealed record RequestPage(StoreRequestView Request, IReadOnlyList<ProductView> Products, StockUi Ui);

/// <summary>
/// Store requests for cards (门店空卡申请): the store asks, HQ approves (maybe fewer) or rejects and ships (HQ picks,
/// or the numbers typed), the store receives (all, or the numbers that arrived).
/// </summary>
[Route("cards/stock/requests")]
internal sealed class StoreRequestPagesController(StoreRequestService requests, ProductService products, IOrganizationUnits units, ICurrentUser user,
    IPermissionChecker permissions) : StockPagesBase(permissions)
{
    private const string ListUrl = "/cards/stock/requests";

    [HttpGet("")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Index(string? storeCode, StoreRequestStatus? status, CancellationToken cancellationToken) =>
        await ListAsync(storeCode, status, await UiAsync(cancellationToken), cancellationToken);

    [HttpPost("")]
    [RequirePermission(CardsPermissions.RequestStock)]
    public Task<IActionResult> Create(StoreRequestForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(formToken, ListUrl, "request", "Request sent to HQ.",
            () => requests.CreateAsync(new StoreRequestInput(form.StoreCode, form.ProductId, form.Quantity, form.Note), cancellationToken),
            ui => ListAsync(null, null, ui, cancellationToken), cancellationToken, r => RequestUrl(r.Id));

    [HttpGet("{id:guid}")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) => await RequestAsync(id, await UiAsync(cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/approve")]
    [RequirePermission(CardsPermissions.ApproveStock)]
    public Task<IActionResult> Approve(Guid id, ApproveForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(formToken, RequestUrl(id), "approve", "Request approved.", () => requests.ApproveAsync(id, new ApprovalInput(form.Quantity), cancellationToken),
            ui => RequestAsync(id, ui, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/reject")]
    [RequirePermission(CardsPermissions.ApproveStock)]
    public Task<IActionResult> Reject(Guid id, RejectForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(formToken, RequestUrl(id), "reject", "Request rejected.", () => requests.RejectAsync(id, new RejectionInput(form.Reason), cancellationToken),
            ui => RequestAsync(id, ui, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/ship")]
    [RequirePermission(CardsPermissions.ShipStock)]
    public Task<IActionResult> Ship(Guid id, NumbersForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(formToken, RequestUrl(id), "ship", "Cards shipped to the store.", () => requests.ShipAsync(id, new ShipmentInput(TypedNumbers.Parse(form.Numbers)), cancellationToken),
            ui => RequestAsync(id, ui, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/receive")]
    [RequirePermission(CardsPermissions.ReceiveStock)]
    public Task<IActionResult> Receive(Guid id, NumbersForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(formToken, RequestUrl(id), "receive", "Shipment received into the store's stock.",
            () => requests.ReceiveAsync(id, new StoreReceiptInput(TypedNumbers.Parse(form.Numbers)), cancellationToken),
            ui => RequestAsync(id, ui, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/missing")]
    [RequirePermission(CardsPermissions.ShipStock)]
    public Task<IActionResult> ResolveMissing(Guid id, MissingForm form, string? formToken, CancellationToken cancellationToken) =>
        ActAsync(formToken, RequestUrl(id), "missing", "Missing cards settled.",
            () => requests.ResolveMissingAsync(id, new MissingCardsInput(form.Resolution, form.Reason), cancellationToken),
            ui => RequestAsync(id, ui, cancellationToken), cancellationToken);

    private async Task<IActionResult> ListAsync(string? storeCode, StoreRequestStatus? status, StockUi ui, CancellationToken cancellationToken)
    {
        var stores = (await units.ListAsync(cancellationToken)).Where(u => u.Type == OrganizationUnitType.Store).ToList();
        var own = user.OrganizationUnitId is { } unitId ? stores.FirstOrDefault(s => s.Id == unitId)?.Code : null;
        return View("~/Web/Views/StockPages/Requests.cshtml", new RequestsPage(await requests.ListAsync(storeCode, status, cancellationToken),
            await products.ListAsync(cancellationToken), stores, own, storeCode, status, ui));
    }

    private async Task<IActionResult> RequestAsync(Guid id, StockUi ui, CancellationToken cancellationToken) =>
        await requests.GetAsync(id, cancellationToken) is { } request
            ? View("~/Web/Views/StockPages/Request.cshtml", new RequestPage(request, await products.ListAsync(cancellationToken), ui))
            : NotFound();

    private static string RequestUrl(Guid id) => $"/cards/stock/requests/{id}";
}
