using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Kernel.Administration;

/// <summary>A role of the current tenant with its permissions (in order) and how many users hold it.</summary>
public sealed record RoleDto(Guid Id, string Name, string DisplayName, DataScope DataScope, IReadOnlyList<string> Permissions, int Holders);

/// <summary>A role to create, or (by name) to create or replace.</summary>
public sealed record NewRole(string? Name, string? DisplayName, DataScope? DataScope, IReadOnlyCollection<string> Permissions);

/// <summary>What the roles page changes on a role: its data scope and permissions.</summary>
public sealed record RoleUpdate(DataScope? DataScope, IReadOnlyCollection<string> Permissions);

/// <summary>Creating, changing and deleting the current tenant's roles: default roles stay, and a role someone holds is not deleted.</summary>
public interface IRoleAdministration
{
    /// <summary>Every permission a role may be given (the kernel's and the running modules').</summary>
    IReadOnlyCollection<PermissionDefinition> Permissions { get; }

    /// <summary>Every role of the current tenant, by name.</summary>
    Task<IReadOnlyList<RoleDto>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates a role; its name is unique in the tenant.</summary>
    Task<Result<RoleDto>> CreateAsync(NewRole role, CancellationToken cancellationToken);

    /// <summary>Creates the role named <paramref name="name"/>, or replaces its display name, data scope and permissions.</summary>
    Task<Result<RoleDto>> SaveAsync(string name, NewRole role, CancellationToken cancellationToken);

    /// <summary>Replaces a role's data scope and permissions.</summary>
    Task<Result<RoleDto>> UpdateAsync(Guid id, RoleUpdate update, CancellationToken cancellationToken);

    /// <summary>Deletes a role that is not a default role and that nobody holds; answers the deleted role.</summary>
    Task<Result<RoleDto>> DeleteAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Deletes a role by name, as <see cref="DeleteAsync(Guid, CancellationToken)"/> does.</summary>
    Task<Result<RoleDto>> DeleteAsync(string name, CancellationToken cancellationToken);
}

internal sealed partial class RoleAdministration(KernelDbContext db, PermissionDefinitions definitions) : IRoleAdministration
{
    public const int MaxDisplayNameLength = 200;

    private static Refusal NotFound => Refusal.NotFound("not-found", "No such role.");

    public IReadOnlyCollection<PermissionDefinition> Permissions => definitions.All;

    public async Task<IReadOnlyList<RoleDto>> ListAsync(CancellationToken cancellationToken)
    {
        var roles = await db.Roles.AsNoTracking().Include(r => r.Permissions).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var holders = await HoldersAsync(null, cancellationToken);
        return roles.Select(r => ToDto(r, holders.GetValueOrDefault(r.Id))).ToList();
    }

    public async Task<Result<RoleDto>> CreateAsync(NewRole role, CancellationToken cancellationToken)
    {
        var errors = new List<Refusal>();
        var name = role.Name?.Trim() ?? "";
        if (name.Length < 2 || name.Length > 100 || !NamePattern().IsMatch(name))
        {
            errors.Add(Refusal.Invalid("invalid-role-name", "name", "A role name has 2 to 100 characters a-z, 0-9 and -."));
        }
        else if (await db.Roles.AnyAsync(r => r.Name == name, cancellationToken))
        {
            return Refusal.Conflict("role-exists", "A role '{0}' exists.", name).At("name");
        }

        errors.AddRange(CheckRole(role.DisplayName, role.DataScope, role.Permissions));
        if (AdminRefusals.Combine(errors) is { } refused)
        {
            return refused;
        }

        var created = new Role { Id = Guid.NewGuid(), Name = name };
        db.Roles.Add(created);
        return await ReplaceAsync(created, role.DisplayName!.Trim(), role.DataScope!.Value, role.Permissions, cancellationToken);
    }

    public async Task<Result<RoleDto>> SaveAsync(string name, NewRole role, CancellationToken cancellationToken)
    {
        if (UnknownPermissions(role.Permissions) is { } unknown)
        {
            return unknown;
        }

        if (role.Name != name)
        {
            return Refusal.Invalid("name-mismatch", "name", "The body names the role '{0}', the address '{1}'.", role.Name ?? "", name);
        }

        var existing = await db.Roles.Include(r => r.Permissions).FirstOrDefaultAsync(r => r.Name == name, cancellationToken);
        if (existing is null)
        {
            return await CreateAsync(role, cancellationToken);
        }

        if (AdminRefusals.Combine(CheckRole(role.DisplayName, role.DataScope, role.Permissions)) is { } refused)
        {
            return refused;
        }

        return await ReplaceAsync(existing, role.DisplayName!.Trim(), role.DataScope!.Value, role.Permissions, cancellationToken);
    }

    public async Task<Result<RoleDto>> UpdateAsync(Guid id, RoleUpdate update, CancellationToken cancellationToken)
    {
        var role = await db.Roles.Include(r => r.Permissions).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (role is null)
        {
            return NotFound;
        }

        if (AdminRefusals.Combine(CheckRole(role.DisplayName, update.DataScope, update.Permissions)) is { } refused)
        {
            return refused;
        }

        return await ReplaceAsync(role, role.DisplayName, update.DataScope!.Value, update.Permissions, cancellationToken);
    }

    public async Task<Result<RoleDto>> DeleteAsync(string name, CancellationToken cancellationToken) =>
        await db.Roles.Where(r => r.Name == name).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken) is { } id
            ? await DeleteAsync(id, cancellationToken)
            : NotFound;

    public async Task<Result<RoleDto>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var role = await db.Roles.Include(r => r.Permissions).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (role is null)
        {
            return NotFound;
        }

        if (DefaultRoles.All.Any(r => r.Name == role.Name))
        {
            return Refusal.Conflict("default-role", "'{0}' is a default role and cannot be deleted.", role.Name).At("id");
        }

        var holders = await db.UserRoles.CountAsync(ur => ur.RoleId == id, cancellationToken);
        if (holders > 0)
        {
            return Refusal.Conflict("role-in-use", "'{0}' is held by {1} user(s); take it from them first.", role.Name, holders).At("id");
        }

        var deleted = ToDto(role, 0);
        db.RolePermissions.RemoveRange(role.Permissions);
        db.Roles.Remove(role);
        await db.SaveChangesAsync(cancellationToken);
        return deleted;
    }

    private List<Refusal> CheckRole(string? displayName, DataScope? dataScope, IReadOnlyCollection<string> permissions)
    {
        var errors = new List<Refusal>();
        displayName = displayName?.Trim() ?? "";
        if (displayName.Length == 0 || displayName.Length > MaxDisplayNameLength)
        {
            errors.Add(Refusal.Invalid("display-name-required", "displayName", "A role needs a display name of at most 200 characters."));
        }

        if (dataScope is null || !Enum.IsDefined(dataScope.Value))
        {
            errors.Add(Refusal.Invalid("data-scope-required", "dataScope", "Choose a data scope."));
        }

        errors.AddIf(UnknownPermissions(permissions));
        return errors;
    }

    private Refusal? UnknownPermissions(IReadOnlyCollection<string> permissions) =>
        permissions.Where(p => definitions.Find(p) is null).ToList() is { Count: > 0 } unknown
            ? Refusal.Invalid("unknown-permission", "permissions", "Unknown permission: {0}.", string.Join(", ", unknown))
            : null;

    private async Task<RoleDto> ReplaceAsync(Role role, string displayName, DataScope dataScope, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken)
    {
        role.DisplayName = displayName;
        role.DataScope = dataScope;
        var wanted = permissions.Select(p => definitions.Find(p)!.Name).Distinct(StringComparer.Ordinal).ToList();
        role.Permissions.RemoveAll(held => !wanted.Contains(held.Permission, StringComparer.Ordinal));
        role.Permissions.AddRange(wanted.Where(p => role.Permissions.All(held => held.Permission != p)).Select(p => new RolePermission { RoleId = role.Id, Permission = p }));
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(role, (await HoldersAsync(role.Id, cancellationToken)).GetValueOrDefault(role.Id));
    }

    private async Task<Dictionary<Guid, int>> HoldersAsync(Guid? roleId, CancellationToken cancellationToken) =>
        await db.UserRoles.Where(ur => roleId == null || ur.RoleId == roleId).GroupBy(ur => ur.RoleId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    private static RoleDto ToDto(Role role, int holders) =>
        new(role.Id, role.Name, role.DisplayName, role.DataScope, role.Permissions.Select(p => p.Permission).Order(StringComparer.Ordinal).ToList(), holders);

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex NamePattern();
}
