using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Identity;
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

public sealed record RoleDto(Guid Id, string Name, string DisplayName, DataScope DataScope, IReadOnlyList<string> Permissions);

public sealed record SaveRoleRequest(
    [Required, StringLength(100, MinimumLength = 2), RegularExpression(@"^[a-z0-9-]+$")] string Name,
    [Required, StringLength(200)] string DisplayName,
    [Required] DataScope? DataScope,
    string[]? Permissions);

public sealed record OrganizationUnitDto(Guid Id, Guid? ParentId, string Name, string Code, OrganizationUnitKind Kind);

public sealed record CreateOrganizationUnitRequest(
    [Required] Guid? ParentId,
    [Required, StringLength(200)] string Name,
    [Required, StringLength(50)] string Code,
    [Required] OrganizationUnitKind? Kind);

/// <summary>Users, roles and organization units of the current tenant.</summary>
[ApiController]
[Route("api/admin")]
public sealed class UsersApiController(KernelDbContext db, UserAccounts accounts, PermissionDefinitions definitions) : ControllerBase
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

    [HttpPost("users")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IActionResult> CreateUser(CreateUserRequest request, CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(u => u.UserName == request.UserName, cancellationToken))
        {
            return Conflict(Field(409, "user-exists", "userName", $"A user '{request.UserName}' exists."));
        }

        var wanted = request.Roles ?? [];
        var roles = await db.Roles.Where(r => wanted.Contains(r.Name)).ToListAsync(cancellationToken);
        if (roles.Count != wanted.Distinct().Count())
        {
            return BadRequest(Field(400, "unknown-role", "roles", "Unknown role: " + string.Join(", ", wanted.Except(roles.Select(r => r.Name)))));
        }

        if (request.OrganizationUnitId is { } unitId && !await db.OrganizationUnits.AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            return BadRequest(Field(400, "unknown-unit", "organizationUnitId", "No such organization unit."));
        }

        var user = await accounts.CreateAsync(request.UserName, request.DisplayName, request.Password, request.OrganizationUnitId, roles.Select(r => r.Id), cancellationToken);
        return Created($"/api/admin/users/{user.Id}", new UserDto(user.Id, user.UserName, user.DisplayName, user.OrganizationUnitId, true, false, roles.Select(r => r.Name).ToList()));
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

    [HttpGet("organization-units")]
    [RequirePermission(KernelPermissions.OrganizationUnits)]
    public async Task<IEnumerable<OrganizationUnitDto>> ListUnits(CancellationToken cancellationToken) =>
        await db.OrganizationUnits.AsNoTracking().OrderBy(u => u.Path)
            .Select(u => new OrganizationUnitDto(u.Id, u.ParentId, u.Name, u.Code, u.Kind)).ToListAsync(cancellationToken);

    [HttpPost("organization-units")]
    [RequirePermission(KernelPermissions.OrganizationUnits)]
    public async Task<IActionResult> CreateUnit(CreateOrganizationUnitRequest request, CancellationToken cancellationToken)
    {
        var parent = await db.OrganizationUnits.FirstOrDefaultAsync(u => u.Id == request.ParentId, cancellationToken);
        if (parent is null)
        {
            return BadRequest(Field(400, "unknown-unit", "parentId", "No such parent unit."));
        }

        if (await db.OrganizationUnits.AnyAsync(u => u.Code == request.Code, cancellationToken))
        {
            return Conflict(Field(409, "unit-code-taken", "code", $"The code '{request.Code}' is taken."));
        }

        var unit = new OrganizationUnit { Id = Guid.NewGuid(), ParentId = parent.Id, Name = request.Name, Code = request.Code, Kind = request.Kind!.Value };
        unit.Path = parent.Path + unit.Id + "/";
        db.OrganizationUnits.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        return Created($"/api/admin/organization-units/{unit.Id}", new OrganizationUnitDto(unit.Id, unit.ParentId, unit.Name, unit.Code, unit.Kind));
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Field(int status, string type, string field, string message) =>
        Problems.Create(status, type, message, message, new Dictionary<string, string[]> { [field] = [message] });
}
