using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Host.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Host.Controllers.Pages;

public sealed record UnitsPage(IReadOnlyList<UnitNode> Units, FormState? Form, string? Message);

/// <summary>Organization units: the tree, add a unit under another, rename.</summary>
public sealed partial class AdminController
{
    [HttpGet("units")]
    [RequirePermission(KernelPermissions.OrganizationUnits)]
    public async Task<IActionResult> Units(CancellationToken cancellationToken) =>
        View(await UnitsPageAsync(null, cancellationToken));

    [HttpPost("units")]
    [RequirePermission(KernelPermissions.OrganizationUnits)]
    public async Task<IActionResult> CreateUnit(Guid? parentId, string? name, string? code, OrganizationUnitKind? kind, [FromServices] UnitAdministration units, CancellationToken cancellationToken)
    {
        var result = await units.AddChildAsync(parentId, name, code, kind, cancellationToken);
        return result.Succeeded
            ? Done(nameof(Units), "Created unit {0}.", name!.Trim())
            : View(nameof(Units), await UnitsPageAsync(Refused("new-unit", result), cancellationToken));
    }

    [HttpPost("units/{id:guid}")]
    [RequirePermission(KernelPermissions.OrganizationUnits)]
    public async Task<IActionResult> RenameUnit(Guid id, string? name, [FromServices] UnitAdministration units, CancellationToken cancellationToken)
    {
        var result = await units.RenameAsync(id, name, cancellationToken);
        if (result.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        return result.Succeeded
            ? Done(nameof(Units), "Renamed the unit to {0}.", name!.Trim())
            : View(nameof(Units), await UnitsPageAsync(Refused("rename-" + id, result), cancellationToken));
    }

    private async Task<UnitsPage> UnitsPageAsync(FormState? form, CancellationToken cancellationToken)
    {
        var units = await db.OrganizationUnits.AsNoTracking().ToListAsync(cancellationToken);
        var counts = await db.Users.Where(u => u.OrganizationUnitId != null).GroupBy(u => u.OrganizationUnitId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new UnitsPage(UnitTree.Order(units, counts), form, Message);
    }
}
