using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Host.Controllers.Pages;

/// <summary>Organization units: the tree, add a unit under another, rename.</summary>
public sealed partial class AdminController
{
    public const string NewUnitForm = "new-unit";

    [HttpGet("units")]
    [RequirePermission(KernelPermissions.OrganizationUnits)]
    public async Task<IActionResult> Units(CancellationToken cancellationToken) => View(nameof(Units), await units.TreeAsync(cancellationToken));

    [HttpPost("units")]
    [RequirePermission(KernelPermissions.OrganizationUnits)]
    [PostOnce]
    public async Task<IActionResult> CreateUnit(Guid? parentId, string? name, string? code, OrganizationUnitKind? kind, CancellationToken cancellationToken) =>
        await UnitDone(await units.CreateAsync(new NewUnit(parentId, name, code, kind), cancellationToken), NewUnitForm, "Created unit {0}.", cancellationToken);

    [HttpPost("units/{id:guid}")]
    [RequirePermission(KernelPermissions.OrganizationUnits)]
    [PostOnce]
    public async Task<IActionResult> RenameUnit(Guid id, string? name, CancellationToken cancellationToken) =>
        await UnitDone(await units.RenameAsync(id, name, cancellationToken), RenameForm(id), "Renamed the unit to {0}.", cancellationToken);

    /// <summary>The form that renames one unit.</summary>
    public static string RenameForm(Guid id) => "rename-" + id;

    private Task<IActionResult> UnitDone(Result<OrganizationUnitDto> result, string formId, string notice, CancellationToken cancellationToken) =>
        AnswerAsync(result, formId, () => Units(cancellationToken), unit => Done("/admin/units", notice, unit.Name));
}
