using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Host.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Web;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Host.Controllers.Api;

public sealed record UserDto(Guid Id, string UserName, string DisplayName, Guid? OrganizationUnitId, bool IsActive, bool LockedOut, IReadOnlyList<string> Roles);

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

public sealed record RoleDto(Guid Id, string Name, string DisplayName, DataScope DataScope, IReadOnlyList<string> Permissions);

public sealed record SaveRoleRequest(
    [Required, StringLength(100, MinimumLength = 2), RegularExpression(@"^[a-z0-9-]+$")] string Name,
    [Required, StringLength(200)] string DisplayName,
    [Required] DataScope? DataScope,
    string[]? Permissions);

public sealed record OrganizationUnitDto(Guid Id, Guid? ParentId, string Name, string Code, OrganizationUnitKind Kind);

public sealed record RenameOrganizationUnitRequest([Required, StringLength(200)] string Name);

public sealed record CreateOrganizationUnitRequest(
    [Required] Guid? ParentId,
    [Required, StringLength(200)] string Name,
    [Required, StringLength(50)] string Code,
    [Required] OrganizationUnitKind? Kind);

/// <summary>Users, roles and organization units of the current tenant.</summary>
[ApiController]
[Route("api/admin")]
public sealed class UsersApiController(KernelDbContext db, PermissionDefinitions definitions) : ControllerBase
{
    [HttpGet("users")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IEnumerable<UserDto>> ListUsers(CancellationToken cancellationToken)
    {
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var users = await db.Users.AsNoTracking().Include(u => u.Roles).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return users.Select(u => new UserDto(u.Id, u.UserName, u.DisplayName, u.OrganizationUnitId, u.IsActive, u.LockoutEnd > DateTime.UtcNow,
            u.Roles.Select(r => roles.GetValueOrDefault(r.RoleId, "?")).Order().ToList()));
    }

    [HttpGet("users/{id:guid}")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IActionResult> GetUser(Guid id, CancellationToken cancellationToken) =>
        await FindUserAsync(id, cancellationToken) is { } user ? Ok(user) : Refused(AdminResult.NotFound("user"));

    [HttpPost("users")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IActionResult> CreateUser(CreateUserRequest request, [FromServices] UserAdministration users, CancellationToken cancellationToken)
    {
        var result = await users.CreateAsync(request.UserName, request.DisplayName, request.Password, request.OrganizationUnitId, request.Roles ?? [], cancellationToken);
        return result.Succeeded
            ? Created($"/api/admin/users/{result.Id}", await FindUserAsync(result.Id!.Value, cancellationToken))
            : Refused(result);
    }

    /// <summary>Replaces a user's display name, unit, roles and active flag. Nobody deactivates himself; the tenant keeps an active administrator.</summary>
    [HttpPut("users/{id:guid}")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IActionResult> UpdateUser(Guid id, UpdateUserRequest request, [FromServices] UserAdministration users, CancellationToken cancellationToken)
    {
        var result = await users.UpdateAsync(id, new UserUpdate(request.DisplayName, request.OrganizationUnitId, request.Roles, request.IsActive!.Value), cancellationToken);
        return result.Succeeded ? Ok(await FindUserAsync(id, cancellationToken)) : Refused(result);
    }

    /// <summary>Sets a new password (at least 10 characters) chosen by the administrator; lifts a lock-out.</summary>
    [HttpPost("users/{id:guid}/password")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IActionResult> SetPassword(Guid id, SetPasswordRequest request, [FromServices] UserAdministration users, CancellationToken cancellationToken)
    {
        var result = await users.SetPasswordAsync(id, request.Password, cancellationToken);
        return result.Succeeded ? NoContent() : Refused(result);
    }

    /// <summary>Lifts the lock-out that follows too many wrong passwords.</summary>
    [HttpPost("users/{id:guid}/unlock")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IActionResult> Unlock(Guid id, [FromServices] UserAdministration users, CancellationToken cancellationToken)
    {
        var result = await users.UnlockAsync(id, cancellationToken);
        return result.Succeeded ? Ok(await FindUserAsync(id, cancellationToken)) : Refused(result);
    }

    [HttpGet("roles")]
    [RequirePermission(KernelPermissions.Roles)]
    public async Task<IEnumerable<RoleDto>> ListRoles(CancellationToken cancellationToken) =>
        (await db.Roles.AsNoTracking().Include(r => r.Permissions).OrderBy(r => r.Name).ToListAsync(cancellationToken))
            .Select(r => new RoleDto(r.Id, r.Name, r.DisplayName, r.DataScope, r.Permissions.Select(p => p.Permission).Order().ToList()));

    /// <summary>Creates a role, or replaces the display name, data scope and permissions of the role with that name.</summary>
    [HttpPut("roles/{name}")]
    [RequirePermission(KernelPermissions.Roles)]
    public async Task<IActionResult> SaveRole(string name, SaveRoleRequest request, CancellationToken cancellationToken)
    {
        var unknown = (request.Permissions ?? []).Where(p => definitions.Find(p) is null).ToList();
        if (unknown.Count > 0)
        {
            return BadRequest(Field(400, "unknown-permission", "permissions", "Unknown permission: " + string.Join(", ", unknown)));
        }

        if (request.Name != name)
        {
            return BadRequest(Field(400, "name-mismatch", "name", $"The body names the role '{request.Name}', the address '{name}'."));
        }

        var role = await db.Roles.Include(r => r.Permissions).FirstOrDefaultAsync(r => r.Name == name, cancellationToken);
        if (role is null)
        {
            role = new Role { Id = Guid.NewGuid(), Name = request.Name };
            db.Roles.Add(role);
        }

        role.DisplayName = request.DisplayName;
        role.DataScope = request.DataScope!.Value;
        role.Permissions.Clear();
        role.Permissions.AddRange((request.Permissions ?? []).Distinct().Select(p => new RolePermission { RoleId = role.Id, Permission = p }));
        await db.SaveChangesAsync(cancellationToken);
        return Ok(new RoleDto(role.Id, role.Name, role.DisplayName, role.DataScope, role.Permissions.Select(p => p.Permission).Order().ToList()));
    }

    /// <summary>Deletes a role that is not a default role and that no user holds.</summary>
    [HttpDelete("roles/{name}")]
    [RequirePermission(KernelPermissions.Roles)]
    public async Task<IActionResult> DeleteRole(string name, [FromServices] RoleAdministration roles, CancellationToken cancellationToken)
    {
        var id = await db.Roles.Where(r => r.Name == name).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var result = id is null ? AdminResult.NotFound("role") : await roles.DeleteAsync(id.Value, cancellationToken);
        return result.Succeeded ? NoContent() : Refused(result);
    }

    [HttpGet("organization-units")]
    [RequirePermission(KernelPermissions.OrganizationUnits)]
    public async Task<IEnumerable<OrganizationUnitDto>> ListUnits(CancellationToken cancellationToken) =>
        await db.OrganizationUnits.AsNoTracking().OrderBy(u => u.Path)
            .Select(u => new OrganizationUnitDto(u.Id, u.ParentId, u.Name, u.Code, u.Kind)).ToListAsync(cancellationToken);

    [HttpPost("organization-units")]
    [RequirePermission(KernelPermissions.OrganizationUnits)]
    public async Task<IActionResult> CreateUnit(CreateOrganizationUnitRequest request, [FromServices] UnitAdministration units, CancellationToken cancellationToken)
    {
        var result = await units.AddChildAsync(request.ParentId, request.Name, request.Code, request.Kind, cancellationToken);
        return result.Succeeded
            ? Created($"/api/admin/organization-units/{result.Id}", await FindUnitAsync(result.Id!.Value, cancellationToken))
            : Refused(result);
    }

    [HttpPut("organization-units/{id:guid}")]
    [RequirePermission(KernelPermissions.OrganizationUnits)]
    public async Task<IActionResult> RenameUnit(Guid id, RenameOrganizationUnitRequest request, [FromServices] UnitAdministration units, CancellationToken cancellationToken)
    {
        var result = await units.RenameAsync(id, request.Name, cancellationToken);
        return result.Succeeded ? Ok(await FindUnitAsync(id, cancellationToken)) : Refused(result);
    }

    private async Task<UserDto?> FindUserAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roleIds = user.Roles.Select(r => r.RoleId).ToList();
        var roles = await db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).Select(r => r.Name).ToListAsync(cancellationToken);
        return new UserDto(user.Id, user.UserName, user.DisplayName, user.OrganizationUnitId, user.IsActive, user.LockoutEnd > DateTime.UtcNow, roles.Order().ToList());
    }

    private Task<OrganizationUnitDto> FindUnitAsync(Guid id, CancellationToken cancellationToken) =>
        db.OrganizationUnits.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new OrganizationUnitDto(u.Id, u.ParentId, u.Name, u.Code, u.Kind)).SingleAsync(cancellationToken);

    private static ObjectResult Refused(AdminResult result)
    {
        var errors = result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Text).ToArray());
        var problem = Problems.Create(result.Status, result.Type, result.Errors[0].Text, string.Join(" ", result.Errors.Select(e => e.Text)), errors);
        return new ObjectResult(problem) { StatusCode = result.Status };
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Field(int status, string type, string field, string message) =>
        Problems.Create(status, type, message, message, new Dictionary<string, string[]> { [field] = [message] });
}
