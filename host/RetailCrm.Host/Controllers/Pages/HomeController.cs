using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Administration;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Host.Controllers.Pages;

/// <summary>The start page: what this tenant has switched on.</summary>
[Authorize]
public sealed class HomeController(IModuleAdministration modules) : CrmPageController
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await modules.EnabledAsync(cancellationToken));
}
