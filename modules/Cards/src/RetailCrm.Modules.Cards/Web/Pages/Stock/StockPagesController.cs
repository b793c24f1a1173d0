using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain.Stock;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Pages.Stock;

/// <summary>
/// The card stock pages (卡库存) under <c>/cards/stock</c>, one controller for the whole flow of a card through stock: the
/// report; blank purchases (裸卡采购: suppliers, purchase orders placed, cancelled and received); production (卡制作: a run
/// from blanks, put away with its spoiled cards voided); store requests (门店空卡申请: the store asks, HQ approves or rejects
/// and ships, the store receives, HQ settles what went missing); stock-takes (盘点: open, count, close, write off).
/// Every form is shown only to those who may send it; every post runs once, calls one stock service and either
/// redirects back with a notice or shows its page again with the refusal at the field at fault.
/// </summary>
[Authorize]
[Route("cards/stock")]
internal sealed class StockPagesController(
    StockReportService reports,
    PurchasingService purchasing,
    ProductionService production,
    StoreRequestService requests,
    StockTakeService takes,
    ProductService products,
    IOrganizationUnits units,
    ICurrentUser user,
    IPermissionChecker permissions) : CardsPageController
{
    private const string PurchasesUrl = "/cards/stock/purchases";
    private const string ProductionUrl = "/cards/stock/production";

    [HttpGet("")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Index(string? locationCode, Guid? productId, CancellationToken cancellationToken)
    {
        var report = await reports.ReportAsync(locationCode, productId, cancellationToken);
        var locations = await LocationsAsync(cancellationToken);
        return View("~/Web/Views/StockPages/Index.cshtml",
            new StockOverviewPage(report, locations, await products.ListAsync(cancellationToken), string.IsNullOrWhiteSpace(locationCode) ? null : locationCode.Trim(), productId));
    }

    [HttpGet("purchases")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Purchases(CancellationToken cancellationToken) =>
        View("~/Web/Views/StockPages/Purchases.cshtml", new PurchasesPage(await purchasing.SuppliersAsync(cancellationToken),
            await purchasing.OrdersAsync(null, null, cancellationToken), await products.ListAsync(cancellationToken), await PermissionsAsync(cancellationToken)));

    [HttpPost("purchases/suppliers")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [PostOnce]
    public Task<IActionResult> AddSupplier(SupplierForm form, CancellationToken cancellationToken) =>
        OnPurchasesAsync("supplier", "Supplier added.",
            async () => (Result<SupplierView>)await purchasing.CreateSupplierAsync(new SupplierInput(form.Name, form.Contact, form.Phone, form.Email), cancellationToken), cancellationToken);

    [HttpPost("purchases")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [PostOnce]
    public Task<IActionResult> CreateOrder(PurchaseOrderForm form, CancellationToken cancellationToken) =>
        OnPurchasesAsync("order", "Purchase order created.", () => purchasing.CreateOrderAsync(
            new PurchaseOrderInput(form.SupplierId, form.ProductId, form.Quantity, Money.TryParseYuan(form.UnitPrice, out var fen, out _) ? fen : null, form.ExpectedDate, form.Note),
            cancellationToken), cancellationToken);

    [HttpPost("purchases/{id:guid}/order")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [PostOnce]
    public Task<IActionResult> PlaceOrder(Guid id, CancellationToken cancellationToken) =>
        OnPurchasesAsync("status-" + id, "Purchase order placed with the supplier.", () => purchasing.PlaceAsync(id, cancellationToken), cancellationToken);

    [HttpPost("purchases/{id:guid}/cancel")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [PostOnce]
    public Task<IActionResult> CancelOrder(Guid id, CancellationToken cancellationToken) =>
        OnPurchasesAsync("status-" + id, "Purchase order cancelled.", () => purchasing.CancelAsync(id, cancellationToken), cancellationToken);

    [HttpPost("purchases/{id:guid}/receive")]
    [RequirePermission(CardsPermissions.PurchaseStock)]
    [PostOnce]
    public Task<IActionResult> ReceiveBatch(Guid id, PurchaseReceiptForm form, CancellationToken cancellationToken) =>
        OnPurchasesAsync("receive-" + id, "Batch received into HQ blank stock.",
            () => purchasing.ReceiveAsync(id, new ReceiptInput(form.Quantity, form.BatchReference), cancellationToken), cancellationToken);

    [HttpGet("production")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Production(CancellationToken cancellationToken) =>
        View("~/Web/Views/StockPages/Production.cshtml", new ProductionPage(await production.ListAsync(null, cancellationToken),
            await products.ListAsync(cancellationToken), await PermissionsAsync(cancellationToken)));

    [HttpPost("production")]
    [RequirePermission(CardsPermissions.ProduceStock)]
    [PostOnce]
    public Task<IActionResult> Produce(ProductionForm form, CancellationToken cancellationToken) =>
        OnProductionAsync("run", "Production run made; check it and put it away.",
            () => production.ProduceAsync(new ProductionInput(form.ProductId, form.Quantity), cancellationToken), cancellationToken);

    [HttpPost("production/{id:guid}/put-away")]
    [RequirePermission(CardsPermissions.ProduceStock)]
    [PostOnce]
    public Task<IActionResult> PutAway(Guid id, PutAwayForm form, CancellationToken cancellationToken) =>
        OnProductionAsync("put-away-" + id, "Run put away into HQ stock.", () => production.PutAwayAsync(id,
            new PutAwayInput(null, TypedNumbers.Parse(form.Spoiled)?.Select(n => new SpoiledCardInput(n, form.SpoiledReason)).ToList()), cancellationToken), cancellationToken);

    [HttpGet("requests")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Requests(string? storeCode, StoreRequestStatus? status, CancellationToken cancellationToken)
    {
        var stores = (await units.ListAsync(cancellationToken)).Where(u => u.Type == OrganizationUnitType.Store).ToList();
        return View("~/Web/Views/StockPages/Requests.cshtml", new RequestsPage(await requests.ListAsync(storeCode, status, cancellationToken),
            await products.ListAsync(cancellationToken), stores, OwnStore(stores), storeCode, status, await PermissionsAsync(cancellationToken)));
    }

    [HttpPost("requests")]
    [RequirePermission(CardsPermissions.RequestStock)]
    [PostOnce]
    public Task<IActionResult> RequestCards(StoreRequestForm form, CancellationToken cancellationToken) =>
        SubmitAsync("request", () => requests.CreateAsync(new StoreRequestInput(form.StoreCode, form.ProductId, form.Quantity, form.Note), cancellationToken),
            request => Done(RequestUrl(request.Id), "Request sent to HQ."), () => Requests(null, null, cancellationToken));

    [HttpGet("requests/{id:guid}")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> StoreRequest(Guid id, CancellationToken cancellationToken) =>
        await requests.GetAsync(id, cancellationToken) is { } request
            ? View("~/Web/Views/StockPages/Request.cshtml", new RequestPage(request, await products.ListAsync(cancellationToken), await PermissionsAsync(cancellationToken)))
            : NotFound();

    [HttpPost("requests/{id:guid}/approve")]
    [RequirePermission(CardsPermissions.ApproveStock)]
    [PostOnce]
    public Task<IActionResult> Approve(Guid id, ApproveForm form, CancellationToken cancellationToken) =>
        OnRequestAsync(id, "approve", "Request approved.", () => requests.ApproveAsync(id, new ApprovalInput(form.Quantity), cancellationToken), cancellationToken);

    [HttpPost("requests/{id:guid}/reject")]
    [RequirePermission(CardsPermissions.ApproveStock)]
    [PostOnce]
    public Task<IActionResult> Reject(Guid id, RejectForm form, CancellationToken cancellationToken) =>
        OnRequestAsync(id, "reject", "Request rejected.", () => requests.RejectAsync(id, new RejectionInput(form.Reason), cancellationToken), cancellationToken);

    [HttpPost("requests/{id:guid}/ship")]
    [RequirePermission(CardsPermissions.ShipStock)]
    [PostOnce]
    public Task<IActionResult> Ship(Guid id, NumbersForm form, CancellationToken cancellationToken) =>
        OnRequestAsync(id, "ship", "Cards shipped to the store.", () => requests.ShipAsync(id, new ShipmentInput(TypedNumbers.Parse(form.Numbers)), cancellationToken),
            cancellationToken);

    [HttpPost("requests/{id:guid}/receive")]
    [RequirePermission(CardsPermissions.ReceiveStock)]
    [PostOnce]
    public Task<IActionResult> ReceiveShipment(Guid id, NumbersForm form, CancellationToken cancellationToken) =>
        OnRequestAsync(id, "receive", "Shipment received into the store's stock.",
            () => requests.ReceiveAsync(id, new StoreReceiptInput(TypedNumbers.Parse(form.Numbers)), cancellationToken), cancellationToken);

    [HttpPost("requests/{id:guid}/missing")]
    [RequirePermission(CardsPermissions.ShipStock)]
    [PostOnce]
    public Task<IActionResult> ResolveMissing(Guid id, MissingForm form, CancellationToken cancellationToken) =>
        OnRequestAsync(id, "missing", "Missing cards settled.", () => requests.ResolveMissingAsync(id, new MissingCardsInput(form.Resolution, form.Reason), cancellationToken),
            cancellationToken);

    [HttpGet("stock-takes")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> StockTakes(CancellationToken cancellationToken)
    {
        var locations = await LocationsAsync(cancellationToken);
        return View("~/Web/Views/StockPages/StockTakes.cshtml", new StockTakesPage(await takes.ListAsync(null, cancellationToken), locations,
            OwnStore(locations.Where(u => u.Type == OrganizationUnitType.Store)), await PermissionsAsync(cancellationToken)));
    }

    [HttpPost("stock-takes")]
    [RequirePermission(CardsPermissions.CountStock)]
    [PostOnce]
    public Task<IActionResult> OpenStockTake(OpenStockTakeForm form, CancellationToken cancellationToken) =>
        SubmitAsync("open", () => takes.OpenAsync(new StockTakeInput(form.LocationCode), cancellationToken),
            take => Done(StockTakeUrl(take.Id), "Stock-take opened; count the cards and blanks."), () => StockTakes(cancellationToken));

    [HttpGet("stock-takes/{id:guid}")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> StockTake(Guid id, CancellationToken cancellationToken) =>
        await takes.GetAsync(id, cancellationToken) is { } take
            ? View("~/Web/Views/StockPages/StockTake.cshtml", new StockTakePage(take, await products.ListAsync(cancellationToken), await PermissionsAsync(cancellationToken)))
            : NotFound();

    [HttpPost("stock-takes/{id:guid}/count")]
    [RequirePermission(CardsPermissions.CountStock)]
    [PostOnce]
    public Task<IActionResult> Count(Guid id, CountForm form, CancellationToken cancellationToken) =>
        OnStockTakeAsync(id, "count", "Count saved.", () => takes.CountAsync(id, new StockCountInput(TypedNumbers.Parse(form.Numbers) ?? [],
            (form.Blanks ?? []).Where(b => b.Value is not null).Select(b => new CountedBlanksInput(b.Key, b.Value)).ToList()), cancellationToken), cancellationToken);

    [HttpPost("stock-takes/{id:guid}/close")]
    [RequirePermission(CardsPermissions.CountStock)]
    [PostOnce]
    public Task<IActionResult> CloseStockTake(Guid id, CancellationToken cancellationToken) =>
        OnStockTakeAsync(id, "close", "Stock-take closed; see the differences.", () => takes.CloseAsync(id, cancellationToken), cancellationToken);

    [HttpPost("stock-takes/{id:guid}/write-off")]
    [RequirePermission(CardsPermissions.CountStock)]
    [PostOnce]
    public Task<IActionResult> WriteOff(Guid id, WriteOffForm form, CancellationToken cancellationToken) =>
        OnStockTakeAsync(id, "write-off", "Differences written off.", () => takes.WriteOffAsync(id, new WriteOffInput(form.Reason), cancellationToken), cancellationToken);

    // A post of each page: done goes back to that page with the notice; refused shows it again.
    private Task<IActionResult> OnPurchasesAsync<T>(string formId, string notice, Func<Task<Result<T>>> act, CancellationToken cancellationToken) =>
        SubmitAsync(formId, act, _ => Done(PurchasesUrl, notice), () => Purchases(cancellationToken));

    private Task<IActionResult> OnProductionAsync<T>(string formId, string notice, Func<Task<Result<T>>> act, CancellationToken cancellationToken) =>
        SubmitAsync(formId, act, _ => Done(ProductionUrl, notice), () => Production(cancellationToken));

    private Task<IActionResult> OnRequestAsync<T>(Guid id, string formId, string notice, Func<Task<Result<T>>> act, CancellationToken cancellationToken) =>
        SubmitAsync(formId, act, _ => Done(RequestUrl(id), notice), () => StoreRequest(id, cancellationToken));

    private Task<IActionResult> OnStockTakeAsync<T>(Guid id, string formId, string notice, Func<Task<Result<T>>> act, CancellationToken cancellationToken) =>
        SubmitAsync(formId, act, _ => Done(StockTakeUrl(id), notice), () => StockTake(id, cancellationToken));

    private Task<UserPermissions> PermissionsAsync(CancellationToken cancellationToken) => UserPermissions.OfAsync(permissions, UserPermissions.StockForms, cancellationToken);

    /// <summary>Units that hold stock: the head office and the stores.</summary>
    private async Task<List<OrganizationUnitInfo>> LocationsAsync(CancellationToken cancellationToken) =>
        (await units.ListAsync(cancellationToken)).Where(u => u.Type is OrganizationUnitType.Headquarters or OrganizationUnitType.Store).ToList();

    /// <summary>The user's store when the user works at one of these (a request or a count is then of it).</summary>
    private string? OwnStore(IEnumerable<OrganizationUnitInfo> stores) =>
        user.OrganizationUnitId is { } unitId ? stores.FirstOrDefault(s => s.Id == unitId)?.Code : null;

    private static string RequestUrl(Guid id) => $"/cards/stock/requests/{id}";

    private static string StockTakeUrl(Guid id) => $"/cards/stock/stock-takes/{id}";
}
