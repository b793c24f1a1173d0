using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Host.Controllers.Pages;

/// <summary>The start page: what this tenant has switched on.</summary>
[Authorize]
public sealed class HomeController(ModuleCatalog catalog, ModuleToggles toggles, ICurrentTenant tenant) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var enabled = await toggles.GetEnabledAsync(tenant.Id!.Value, cancellationToken);
        return View(catalog.Running.Where(m => enabled.Contains(m.Id)).ToList());
    }
}
