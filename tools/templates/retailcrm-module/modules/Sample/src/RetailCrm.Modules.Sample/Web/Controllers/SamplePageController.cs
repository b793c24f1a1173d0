using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Sample.Application;
using RetailCrm.Modules.Sample.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Sample.Web.Controllers;

/// <summary>
/// The module's page: the tenant's things and a form to add one. Its views are found by the controller's name
/// (Web/Views/SamplePage), a path shared by every module's views, so page controllers carry the module's name.
/// </summary>
[Route("sample")]
internal sealed class SamplePageController(ThingService things) : CrmPageController
{
    [HttpGet("")]
    [RequirePermission(SamplePermissions.View)]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => PageAsync(cancellationToken);

    [HttpPost("")]
    [PostOnce]
    [RequirePermission(SamplePermissions.Create)]
    public async Task<IActionResult> Add(string? name, CancellationToken cancellationToken)
    {
        var added = await things.CreateAsync(name, cancellationToken);
        return added.IsRefused
            ? await RefusedAsync(added.Refusal, () => PageAsync(cancellationToken))
            : Done("/sample", "Added {0}.", added.Value.Name);
    }

    private async Task<IActionResult> PageAsync(CancellationToken cancellationToken) => View("Index", await things.ListAsync(cancellationToken));
}
