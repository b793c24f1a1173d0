using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain.Stock;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Web;

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
    string? OwnStore, string? StoreCode, StoreRequestStatus? Status, UserPermissions Permissions);

internal sealed record RequestPage(StoreRequestView Request, IReadOnlyList<ProductView> Products, UserPermissions Permissions);

/// <summary>
/// Store requests for cards (门店空卡申请): the store asks, HQ approves (maybe fewer) or rejects and ships (HQ picks,
/// or the numbers typed), the store receives (all, or the numbers that arrived).
/// </summary>
[Route("cards/stock/requests")]
internal sealed class StoreRequestPagesController(StoreRequestService requests, ProductService products, IOrganizationUnits units, ICurrentUser user,
    IPermissionChecker permissions) : CardsPageController
{
    private const string ListUrl = "/cards/stock/requests";

    [HttpGet("")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Index(string? storeCode, StoreRequestStatus? status, CancellationToken cancellationToken) =>
        await ListAsync(storeCode, status, cancellationToken);

    [HttpPost("")]
    [RequirePermission(CardsPermissions.RequestStock)]
    [PostOnce]
    public Task<IActionResult> Create(StoreRequestForm form, CancellationToken cancellationToken) =>
        SubmitAsync("request",
            () => requests.CreateAsync(new StoreRequestInput(form.StoreCode, form.ProductId, form.Quantity, form.Note), cancellationToken),
            r => Done(RequestUrl(r.Id), "Request sent to HQ."),
            () => ListAsync(null, null, cancellationToken));

    [HttpGet("{id:guid}")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) => await RequestAsync(id, cancellationToken);

    [HttpPost("{id:guid}/approve")]
    [RequirePermission(CardsPermissions.ApproveStock)]
    [PostOnce]
    public Task<IActionResult> Approve(Guid id, ApproveForm form, CancellationToken cancellationToken) =>
        SubmitAsync("approve",
            () => requests.ApproveAsync(id, new ApprovalInput(form.Quantity), cancellationToken),
            _ => Done(RequestUrl(id), "Request approved."),
            () => RequestAsync(id, cancellationToken));

    [HttpPost("{id:guid}/reject")]
    [RequirePermission(CardsPermissions.ApproveStock)]
    [PostOnce]
    public Task<IActionResult> Reject(Guid id, RejectForm form, CancellationToken cancellationToken) =>
        SubmitAsync("reject",
            () => requests.RejectAsync(id, new RejectionInput(form.Reason), cancellationToken),
            _ => Done(RequestUrl(id), "Request rejected."),
            () => RequestAsync(id, cancellationToken));

    [HttpPost("{id:guid}/ship")]
    [RequirePermission(CardsPermissions.ShipStock)]
    [PostOnce]
    public Task<IActionResult> Ship(Guid id, NumbersForm form, CancellationToken cancellationToken) =>
        SubmitAsync("ship",
            () => requests.ShipAsync(id, new ShipmentInput(TypedNumbers.Parse(form.Numbers)), cancellationToken),
            _ => Done(RequestUrl(id), "Cards shipped to the store."),
            () => RequestAsync(id, cancellationToken));

    [HttpPost("{id:guid}/receive")]
    [RequirePermission(CardsPermissions.ReceiveStock)]
    [PostOnce]
    public Task<IActionResult> Receive(Guid id, NumbersForm form, CancellationToken cancellationToken) =>
        SubmitAsync("receive",
            () => requests.ReceiveAsync(id, new StoreReceiptInput(TypedNumbers.Parse(form.Numbers)), cancellationToken),
            _ => Done(RequestUrl(id), "Shipment received into the store's stock."),
            () => RequestAsync(id, cancellationToken));

    [HttpPost("{id:guid}/missing")]
    [RequirePermission(CardsPermissions.ShipStock)]
    [PostOnce]
    public Task<IActionResult> ResolveMissing(Guid id, MissingForm form, CancellationToken cancellationToken) =>
        SubmitAsync("missing",
            () => requests.ResolveMissingAsync(id, new MissingCardsInput(form.Resolution, form.Reason), cancellationToken),
            _ => Done(RequestUrl(id), "Missing cards settled."),
            () => RequestAsync(id, cancellationToken));

    private async Task<IActionResult> ListAsync(string? storeCode, StoreRequestStatus? status, CancellationToken cancellationToken)
    {
        var stores = (await units.ListAsync(cancellationToken)).Where(u => u.Type == OrganizationUnitType.Store).ToList();
        var own = user.OrganizationUnitId is { } unitId ? stores.FirstOrDefault(s => s.Id == unitId)?.Code : null;
        return View("~/Web/Views/StockPages/Requests.cshtml", new RequestsPage(await requests.ListAsync(storeCode, status, cancellationToken),
            await products.ListAsync(cancellationToken), stores, own, storeCode, status, await UserPermissions.OfAsync(permissions, UserPermissions.StockForms, cancellationToken)));
    }

    private async Task<IActionResult> RequestAsync(Guid id, CancellationToken cancellationToken) =>
        await requests.GetAsync(id, cancellationToken) is { } request
            ? View("~/Web/Views/StockPages/Request.cshtml", new RequestPage(request, await products.ListAsync(cancellationToken), await UserPermissions.OfAsync(permissions, UserPermissions.StockForms, cancellationToken)))
            : NotFound();

    private static string RequestUrl(Guid id) => $"/cards/stock/requests/{id}";
}
