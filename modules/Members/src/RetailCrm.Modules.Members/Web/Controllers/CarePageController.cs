using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application.Care;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>The care list page (客户关怀).</summary>
[Authorize]
internal sealed class CarePageController(CareList care) : Controller
{
    [HttpGet("/members/care")]
    [RequirePermission(MembersPermissions.View)]
    public async Task<IActionResult> Index(int? days, Guid? unitId, CancellationToken cancellationToken)
    {
        var window = await care.DaysAsync(days, cancellationToken);
        if (window is null)
        {
            ModelState.AddModelError("days", $"Days must be between 0 and {CareList.MaxDays}.");
            window = await care.DaysAsync(null, cancellationToken) ?? 30;
        }

        return View("~/Web/Views/Care/Index.cshtml", await care.GetAsync(window.Value, unitId, cancellationToken));
    }
}
