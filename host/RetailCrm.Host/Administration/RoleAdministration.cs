using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Host.Administration;

/// <summary>Creating and deleting the current tenant's roles: default roles stay, and a role someone holds is not deleted.</summary>
public sealed partial class RoleAdministration(KernelDbContext db, PermissionDefinitions definitions)
{
    public async Task<AdminResult> CreateAsync(string? name, string? displayName, DataScope? dataScope, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken)
    {
        var errors = new List<AdminError>();
        name = name?.Trim() ?? "";
        displayName = displayName?.Trim() ?? "";
        if (name.Length < 2 || name.Length > 100 || !NamePattern().IsMatch(name))
        {
            errors.Add(new AdminError("name", "invalid-role-name", "A role name has 2 to 100 characters a-z, 0-9 and -."));
        }
        else if (await db.Roles.AnyAsync(r => r.Name == name, cancellationToken))
        {
            return AdminResult.Conflict("name", "role-exists", "A role '{0}' exists.", name);
        }

        if (displayName.Length == 0 || displayName.Length > 200)
        {
            errors.Add(new AdminError("displayName", "display-name-required", "A role needs a display name of at most 200 characters."));
        }

        if (dataScope is null || !Enum.IsDefined(dataScope.Value))
        {
            errors.Add(new AdminError("dataScope", "data-scope-required", "Choose a data scope."));
        }

        var unknown = permissions.Where(p => definitions.Find(p) is null).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new AdminError("permissions", "unknown-permission", "Unknown permission: {0}.", string.Join(", ", unknown)));
        }

        if (errors.Count > 0)
        {
            return AdminResult.Invalid(errors);
        }

        var role = new Role { Id = Guid.NewGuid(), Name = name, DisplayName = displayName, DataScope = dataScope!.Value };
        role.Permissions.AddRange(permissions.Select(p => definitions.Find(p)!.Name).Distinct().Select(p => new RolePermission { RoleId = role.Id, Permission = p }));
        db.Roles.Add(role);
        await db.SaveChangesAsync(cancellationToken);
        return AdminResult.Created(role.Id);
    }

    public async Task<AdminResult> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var role = await db.Roles.Include(r => r.Permissions).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (role is null)
        {
            return AdminResult.NotFound("role");
        }

        if (DefaultRoles.All.Any(r => r.Name == role.Name))
        {
            return AdminResult.Conflict("id", "default-role", "'{0}' is a default role and cannot be deleted.", role.Name);
        }

        var holders = await db.UserRoles.CountAsync(ur => ur.RoleId == id, cancellationToken);
        if (holders > 0)
        {
            return AdminResult.Conflict("id", "role-in-use", "'{0}' is held by {1} user(s); take it from them first.", role.Name, holders);
        }

        db.RolePermissions.RemoveRange(role.Permissions);
        db.Roles.Remove(role);
        await db.SaveChangesAsync(cancellationToken);
        return AdminResult.Ok;
    }

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex NamePattern();
}
