using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Host.Controllers.Api;

public sealed record CreateUserRequest(
    [Required, StringLength(100, MinimumLength = 2), RegularExpression(@"^[\w.@-]+$")] string UserName,
    [Required, StringLength(200)] string DisplayName,
    [Required, StringLength(200, MinimumLength = 10)] string Password,
    Guid? OrganizationUnitId,
    string[]? Roles);

public sealed record UpdateUserRequest(
    [Required, StringLength(200)] string DisplayName,
    Guid? OrganizationUnitId,
    [Required] string[] Roles,
    [Required] bool? IsActive);

public sealed record SetPasswordRequest([Required] string Password);

public sealed record SaveRoleRequest(
    [Required, StringLength(100, MinimumLength = 2), RegularExpression(@"^[a-z0-9-]+$")] string Name,
    [Required, StringLength(200)] string DisplayName,
    [Required] DataScope? DataScope,
    string[]? Permissions);

public sealed record RenameOrganizationUnitRequest([Required, StringLength(200)] string Name);

public sealed record CreateOrganizationUnitRequest(
    [Required] Guid? ParentId,
    [Required, StringLength(200)] string Name,
    [Required, StringLength(50)] string Code,
    [Required] OrganizationUnitKind? Kind);

/// <summary>Users, roles and organization units of the current tenant.</summary>
[ApiController]
[Route("api/admin")]
public sealed class UsersApiController(IUserAdministration users, IRoleAdministration roles, IUnitAdministration units) : ControllerBase
{
    /// <summary>Lists the tenant's users with their unit, roles and lock-out.</summary>
    [HttpGet("users")]
    [RequirePermission(KernelPermissions.Users)]
    public Task<IReadOnlyList<UserDto>> ListUsers(CancellationToken cancellationToken) => users.ListAsync(cancellationToken);

    /// <summary>Reads one user.</summary>
    [HttpGet("users/{id:guid}")]
    [RequirePermission(KernelPermissions.Users)]
    [ProducesResponseType<UserDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> GetUser(Guid id, CancellationToken cancellationToken) =>
        (await users.FindAsync(id, cancellationToken)).ToActionResult(Ok);

    /// <summary>Creates a user with a first password (at least 10 characters), a unit and roles.</summary>
    [HttpPost("users")]
    [RequirePermission(KernelPermissions.Users)]
    [ProducesResponseType<UserDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateUser(CreateUserRequest request, CancellationToken cancellationToken) =>
        (await users.CreateAsync(new NewUser(request.UserName, request.DisplayName, request.Password, request.OrganizationUnitId, request.Roles ?? []), cancellationToken))
            .ToActionResult(user => Created($"/api/admin/users/{user.Id}", user));

    /// <summary>Replaces a user's display name, unit, roles and active flag. Nobody deactivates himself; the tenant keeps an active administrator.</summary>
    [HttpPut("users/{id:guid}")]
    [RequirePermission(KernelPermissions.Users)]
    [ProducesResponseType<UserDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> UpdateUser(Guid id, UpdateUserRequest request, CancellationToken cancellationToken) =>
        (await users.UpdateAsync(id, new UserUpdate(request.DisplayName, request.OrganizationUnitId, request.Roles, request.IsActive!.Value), cancellationToken)).ToActionResult(Ok);

    /// <summary>Sets a new password (at least 10 characters) chosen by the administrator; lifts a lock-out.</summary>
    [HttpPost("users/{id:guid}/password")]
    [RequirePermission(KernelPermissions.Users)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> SetPassword(Guid id, SetPasswordRequest request, CancellationToken cancellationToken) =>
        (await users.SetPasswordAsync(id, request.Password, cancellationToken)).ToActionResult(_ => NoContent());

    /// <summary>Lifts the lock-out that follows too many wrong passwords.</summary>
    [HttpPost("users/{id:guid}/unlock")]
    [RequirePermission(KernelPermissions.Users)]
    [ProducesResponseType<UserDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Unlock(Guid id, CancellationToken cancellationToken) =>
        (await users.UnlockAsync(id, cancellationToken)).ToActionResult(Ok);

    /// <summary>Lists the tenant's roles with their data scope, permissions and how many users hold each.</summary>
    [HttpGet("roles")]
    [RequirePermission(KernelPermissions.Roles)]
    public Task<IReadOnlyList<RoleDto>> ListRoles(CancellationToken cancellationToken) => roles.ListAsync(cancellationToken);

    /// <summary>Creates a role, or replaces the display name, data scope and permissions of the role with that name.</summary>
    [HttpPut("roles/{name}")]
    [RequirePermission(KernelPermissions.Roles)]
    [ProducesResponseType<RoleDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> SaveRole(string name, SaveRoleRequest request, CancellationToken cancellationToken) =>
        (await roles.SaveAsync(name, new NewRole(request.Name, request.DisplayName, request.DataScope, request.Permissions ?? []), cancellationToken)).ToActionResult(Ok);

    /// <summary>Deletes a role that is not a default role and that no user holds.</summary>
    [HttpDelete("roles/{name}")]
    [RequirePermission(KernelPermissions.Roles)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> DeleteRole(string name, CancellationToken cancellationToken) =>
        (await roles.DeleteAsync(name, cancellationToken)).ToActionResult(_ => NoContent());

    /// <summary>Lists the organization units (head office, regions, stores) of the tenant.</summary>
    [HttpGet("organization-units")]
    [RequirePermission(KernelPermissions.OrganizationUnits)]
    public Task<IReadOnlyList<OrganizationUnitDto>> ListUnits(CancellationToken cancellationToken) => units.ListAsync(cancellationToken);

    /// <summary>Creates an organization unit under a parent unit; its code is unique in the tenant.</summary>
    [HttpPost("organization-units")]
    [RequirePermission(KernelPermissions.OrganizationUnits)]
    [ProducesResponseType<OrganizationUnitDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateUnit(CreateOrganizationUnitRequest request, CancellationToken cancellationToken) =>
        (await units.CreateAsync(new NewUnit(request.ParentId, request.Name, request.Code, request.Kind), cancellationToken))
            .ToActionResult(unit => Created($"/api/admin/organization-units/{unit.Id}", unit));

    /// <summary>Renames an organization unit.</summary>
    [HttpPut("organization-units/{id:guid}")]
    [RequirePermission(KernelPermissions.OrganizationUnits)]
    [ProducesResponseType<OrganizationUnitDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> RenameUnit(Guid id, RenameOrganizationUnitRequest request, CancellationToken cancellationToken) =>
        (await units.RenameAsync(id, request.Name, cancellationToken)).ToActionResult(Ok);
}
