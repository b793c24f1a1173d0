using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application.Care;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>The care list page (客户关怀).</summary>
[Authorize]
internal sealed class CarePageController(CareList care) : CrmPageController
{
    /// <summary>The list for the days asked; days out of range are refused at the filter and the default window is shown.</summary>
    [HttpGet("/members/care")]
    [RequirePermission(MembersPermissions.View)]
    public async Task<IActionResult> Index(int? days, Guid? unitId, CancellationToken cancellationToken)
    {
        var window = await care.DaysAsync(days, cancellationToken);
        if (!window.IsRefused)
        {
            return await ListAsync(window.Value, unitId, cancellationToken);
        }

        var fallback = await care.DaysAsync(null, cancellationToken);
        return await RefusedAsync(window.Refusal, () => ListAsync(fallback.IsRefused ? 30 : fallback.Value, unitId, cancellationToken));
    }

    private async Task<IActionResult> ListAsync(int days, Guid? unitId, CancellationToken cancellationToken) =>
        View("~/Web/Views/Care/Index.cshtml", await care.GetAsync(days, unitId, cancellationToken));
}
