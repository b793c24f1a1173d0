using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Controllers;

internal sealed record StockOverviewPage(StockReport Report, IReadOnlyList<OrganizationUnitInfo> Locations, IReadOnlyList<ProductView> Products, string? LocationCode, Guid? ProductId);

/// <summary>
/// The card stock report (卡库存). The pages with forms (purchases, production, store requests, stock-takes) are
/// in <c>Web/Pages/Stock</c>.
/// </summary>
[Authorize]
internal sealed class StockPagesController(StockReportService reports, ProductService products, IOrganizationUnits units) : CrmPageController
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
}
