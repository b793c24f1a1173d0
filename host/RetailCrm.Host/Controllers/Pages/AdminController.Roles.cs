using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Host.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Host.Controllers.Pages;

public sealed record RolesPage(IReadOnlyList<Role> Roles, IReadOnlyDictionary<Guid, int> Holders, IReadOnlyCollection<PermissionDefinition> Permissions, FormState? Form, string? Message);

/// <summary>Roles: create, change data scope and permissions, delete one nobody holds.</summary>
public sealed partial class AdminController
{
    [HttpGet("roles")]
    [RequirePermission(KernelPermissions.Roles)]
    public async Task<IActionResult> Roles([FromServices] PermissionDefinitions definitions, CancellationToken cancellationToken) =>
        View(await RolesPageAsync(definitions, null, cancellationToken));

    [HttpPost("roles")]
    [RequirePermission(KernelPermissions.Roles)]
    public async Task<IActionResult> CreateRole(string? name, string? displayName, DataScope? dataScope, string[]? permissions, [FromServices] RoleAdministration roles, [FromServices] PermissionDefinitions definitions, CancellationToken cancellationToken)
    {
        var result = await roles.CreateAsync(name, displayName, dataScope, permissions ?? [], cancellationToken);
        return result.Succeeded
            ? Done(nameof(Roles), "Created role {0}.", name!.Trim())
            : View(nameof(Roles), await RolesPageAsync(definitions, Refused("new-role", result), cancellationToken));
    }

    [HttpPost("roles/{id:guid}")]
    [RequirePermission(KernelPermissions.Roles)]
    public async Task<IActionResult> SaveRole(Guid id, DataScope dataScope, string[]? permissions, [FromServices] PermissionDefinitions definitions, CancellationToken cancellationToken)
    {
        var role = await db.Roles.Include(r => r.Permissions).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (role is null)
        {
            return NotFound();
        }

        role.DataScope = dataScope;
        role.Permissions.Clear();
        role.Permissions.AddRange((permissions ?? []).Where(p => definitions.Find(p) is not null).Distinct().Select(p => new RolePermission { RoleId = role.Id, Permission = p }));
        await db.SaveChangesAsync(cancellationToken);
        return Done(nameof(Roles), "Saved role {0}.", role.Name);
    }

    [HttpPost("roles/{id:guid}/delete")]
    [RequirePermission(KernelPermissions.Roles)]
    public async Task<IActionResult> DeleteRole(Guid id, [FromServices] RoleAdministration roles, [FromServices] PermissionDefinitions definitions, CancellationToken cancellationToken)
    {
        var name = await db.Roles.Where(r => r.Id == id).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        var result = await roles.DeleteAsync(id, cancellationToken);
        if (result.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        return result.Succeeded
            ? Done(nameof(Roles), "Deleted role {0}.", name!)
            : View(nameof(Roles), await RolesPageAsync(definitions, Refused("delete-" + id, result), cancellationToken));
    }

    private async Task<RolesPage> RolesPageAsync(PermissionDefinitions definitions, FormState? form, CancellationToken cancellationToken) =>
        new(await db.Roles.AsNoTracking().Include(r => r.Permissions).OrderBy(r => r.Name).ToListAsync(cancellationToken),
            await db.UserRoles.GroupBy(ur => ur.RoleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken),
            definitions.All,
            form,
            Message);
}
