using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Host.Controllers.Pages;

public sealed record RolesPage(IReadOnlyList<RoleDto> Roles, IReadOnlyCollection<PermissionDefinition> Permissions);

/// <summary>Roles: create, change data scope and permissions, delete one nobody holds.</summary>
public sealed partial class AdminController
{
    public const string NewRoleForm = "new-role";

    [HttpGet("roles")]
    [RequirePermission(KernelPermissions.Roles)]
    public async Task<IActionResult> Roles(CancellationToken cancellationToken) => View(nameof(Roles), new RolesPage(await roles.ListAsync(cancellationToken), roles.Permissions));

    [HttpPost("roles")]
    [RequirePermission(KernelPermissions.Roles)]
    [PostOnce]
    public async Task<IActionResult> CreateRole(string? name, string? displayName, DataScope? dataScope, string[]? permissions, CancellationToken cancellationToken) =>
        await RoleDone(await roles.CreateAsync(new NewRole(name, displayName, dataScope, permissions ?? []), cancellationToken), NewRoleForm, "Created role {0}.", cancellationToken);

    [HttpPost("roles/{id:guid}")]
    [RequirePermission(KernelPermissions.Roles)]
    [PostOnce]
    public async Task<IActionResult> SaveRole(Guid id, DataScope? dataScope, string[]? permissions, CancellationToken cancellationToken) =>
        await RoleDone(await roles.UpdateAsync(id, new RoleUpdate(dataScope, permissions ?? []), cancellationToken), RoleForm(id), "Saved role {0}.", cancellationToken);

    [HttpPost("roles/{id:guid}/delete")]
    [RequirePermission(KernelPermissions.Roles)]
    [PostOnce]
    public async Task<IActionResult> DeleteRole(Guid id, CancellationToken cancellationToken) =>
        await RoleDone(await roles.DeleteAsync(id, cancellationToken), DeleteRoleForm(id), "Deleted role {0}.", cancellationToken);

    /// <summary>The forms of one role.</summary>
    public static string RoleForm(Guid id) => "role-" + id;

    public static string DeleteRoleForm(Guid id) => "delete-" + id;

    private Task<IActionResult> RoleDone(Result<RoleDto> result, string formId, string notice, CancellationToken cancellationToken) =>
        AnswerAsync(result, formId, () => Roles(cancellationToken), role => Done("/admin/roles", notice, role.Name));
}
