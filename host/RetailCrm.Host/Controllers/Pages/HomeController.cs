using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Administration;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Host.Controllers.Pages;

/// <summary>The start page: the widgets the user's roles let them see (figures, charts, work queues), from the modules the tenant has on.</summary>
[Authorize]
public sealed class HomeController(IDashboard dashboard, INotifications notifications, IModuleAdministration modules) : CrmPageController
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        // The home page is where the user looks for what waits: the bell counts afresh here.
        await notifications.RefreshAsync(cancellationToken);
        return View(new HomePage(await dashboard.GetWidgetsAsync(cancellationToken), await modules.EnabledAsync(cancellationToken)));
    }
}

/// <summary>What the home page shows: the widgets, and the modules on when there is no widget yet.</summary>
public sealed record HomePage(IReadOnlyList<DashboardWidget> Widgets, IReadOnlyList<ModuleDto> Modules);
