using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain.Stock;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Web.Controllers;

internal sealed record StockOverviewPage(StockReport Report, IReadOnlyList<OrganizationUnitInfo> Locations, IReadOnlyList<ProductView> Products, string? LocationCode, Guid? ProductId);

internal sealed record PurchasesPage(IReadOnlyList<SupplierView> Suppliers, IReadOnlyList<PurchaseOrderView> Orders, IReadOnlyList<ProductView> Products);

internal sealed record ProductionPage(IReadOnlyList<ProductionView> Runs, IReadOnlyList<ProductView> Products);

internal sealed record RequestsPage(IReadOnlyList<StoreRequestView> Requests, IReadOnlyList<ProductView> Products, string? StoreCode, StoreRequestStatus? Status);

internal sealed record StockTakesPage(IReadOnlyList<StockTakeView> Takes);

/// <summary>The card stock pages (卡库存): the stock report, purchases of blanks, production runs, store requests and stock-takes. Changes go through the JSON API.</summary>
[Authorize]
internal sealed class StockPagesController(StockReportService reports, PurchasingService purchasing, ProductionService production, StoreRequestService requests,
    StockTakeService takes, ProductService products, IOrganizationUnits units) : Controller
{
    [HttpGet("/cards/stock")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Index(string? locationCode, Guid? productId, CancellationToken cancellationToken)
    {
        var report = await reports.ReportAsync(locationCode, productId, cancellationToken);
        var locations = (await units.ListAsync(cancellationToken))
            .Where(u => u.Type is OrganizationUnitType.Headquarters or OrganizationUnitType.Store).ToList();
        return View("~/Web/Views/StockPages/Index.cshtml",
            new StockOverviewPage(report, locations, await products.ListAsync(cancellationToken), string.IsNullOrWhiteSpace(locationCode) ? null : locationCode.Trim(), productId));
    }

    [HttpGet("/cards/stock/purchases")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Purchases(CancellationToken cancellationToken) =>
        View("~/Web/Views/StockPages/Purchases.cshtml", new PurchasesPage(await purchasing.SuppliersAsync(cancellationToken),
            await purchasing.OrdersAsync(null, null, cancellationToken), await products.ListAsync(cancellationToken)));

    [HttpGet("/cards/stock/production")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Production(CancellationToken cancellationToken) =>
        View("~/Web/Views/StockPages/Production.cshtml", new ProductionPage(await production.ListAsync(null, cancellationToken), await products.ListAsync(cancellationToken)));

    [HttpGet("/cards/stock/requests")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> Requests(string? storeCode, StoreRequestStatus? status, CancellationToken cancellationToken) =>
        View("~/Web/Views/StockPages/Requests.cshtml", new RequestsPage(await requests.ListAsync(storeCode, status, cancellationToken),
            await products.ListAsync(cancellationToken), storeCode, status));

    [HttpGet("/cards/stock/stock-takes")]
    [RequirePermission(CardsPermissions.ViewStock)]
    public async Task<IActionResult> StockTakes(CancellationToken cancellationToken) =>
        View("~/Web/Views/StockPages/StockTakes.cshtml", new StockTakesPage(await takes.ListAsync(null, cancellationToken)));
}
