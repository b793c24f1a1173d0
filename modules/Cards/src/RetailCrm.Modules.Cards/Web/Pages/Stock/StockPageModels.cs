using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Domain.Stock;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Web.Pages.Stock;

internal sealed record StockOverviewPage(StockReport Report, IReadOnlyList<OrganizationUnitInfo> Locations, IReadOnlyList<ProductView> Products, string? LocationCode, Guid? ProductId);

internal sealed record PurchasesPage(IReadOnlyList<SupplierView> Suppliers, IReadOnlyList<PurchaseOrderView> Orders, IReadOnlyList<ProductView> Products, UserPermissions Permissions);

internal sealed record ProductionPage(IReadOnlyList<ProductionView> Runs, IReadOnlyList<ProductView> Products, UserPermissions Permissions);

/// <summary>
/// The requests page. <paramref name="OwnStore"/> is the user's store when the user works at one (the request is
/// for it); otherwise the user picks one of <paramref name="Stores"/>.
/// </summary>
internal sealed record RequestsPage(IReadOnlyList<StoreRequestView> Requests, IReadOnlyList<ProductView> Products, IReadOnlyList<OrganizationUnitInfo> Stores,
    string? OwnStore, string? StoreCode, StoreRequestStatus? Status, UserPermissions Permissions);

internal sealed record RequestPage(StoreRequestView Request, IReadOnlyList<ProductView> Products, UserPermissions Permissions);

/// <summary>The stock-takes page; <paramref name="OwnStore"/> is the user's store when the user works at one (the count is of it).</summary>
internal sealed record StockTakesPage(IReadOnlyList<StockTakeView> Takes, IReadOnlyList<OrganizationUnitInfo> Locations, string? OwnStore, UserPermissions Permissions);

internal sealed record StockTakePage(StockTakeView Take, IReadOnlyList<ProductView> Products, UserPermissions Permissions);
