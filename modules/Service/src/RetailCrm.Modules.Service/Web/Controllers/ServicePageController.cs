using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>
/// The module's page: the tenant's things and a form to add one. Its views are found by the controller's name
/// (Web/Views/ServicePage), a path shared by every module's views, so page controllers carry the module's name.
/// </summary>
[Route("service")]
internal sealed class ServicePageController(ThingService things) : CrmPageController
{
    [HttpGet("")]
    [RequirePermission(ServicePermissions.View)]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => PageAsync(cancellationToken);

    [HttpPost("")]
    [PostOnce]
    [RequirePermission(ServicePermissions.Create)]
    public async Task<IActionResult> Add(string? name, CancellationToken cancellationToken)
    {
        var added = await things.CreateAsync(name, cancellationToken);
        return added.IsRefused
            ? await RefusedAsync(added.Refusal, () => PageAsync(cancellationToken))
            : Done("/service", "Added {0}.", added.Value.Name);
    }

    private async Task<IActionResult> PageAsync(CancellationToken cancellationToken) => View("Index", await things.ListAsync(cancellationToken));
}
