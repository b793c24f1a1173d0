using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Identity;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Kernel.Administration;

/// <summary>A user of the current tenant as the administration shows it; <see cref="Roles"/> are role names, in order.</summary>
public sealed record UserDto(Guid Id, string UserName, string DisplayName, Guid? OrganizationUnitId, bool IsActive, bool LockedOut, IReadOnlyList<string> Roles, DateTime? LockedUntil);

/// <summary>A user to create: a blank display name takes the user name.</summary>
public sealed record NewUser(string? UserName, string? DisplayName, string? Password, Guid? OrganizationUnitId, IReadOnlyCollection<string> Roles);

/// <summary>What an administrator may change on a user; every field is replaced.</summary>
public sealed record UserUpdate(string? DisplayName, Guid? OrganizationUnitId, IReadOnlyCollection<string> Roles, bool IsActive);

/// <summary>
/// The rules of managing the current tenant's users, for the admin pages and the admin API alike: nobody
/// deactivates himself, and the tenant always keeps an active administrator.
/// </summary>
public interface IUserAdministration
{
    /// <summary>Every user of the current tenant, by user name.</summary>
    Task<IReadOnlyList<UserDto>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One user, or <c>not-found</c>.</summary>
    Task<Result<UserDto>> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Creates a user with a password, a unit and roles.</summary>
    Task<Result<UserDto>> CreateAsync(NewUser user, CancellationToken cancellationToken);

    /// <summary>Replaces the display name, unit, roles and active flag.</summary>
    Task<Result<UserDto>> UpdateAsync(Guid id, UserUpdate update, CancellationToken cancellationToken);

    /// <summary>Sets the active flag and keeps everything else.</summary>
    Task<Result<UserDto>> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken);

    /// <summary>An administrator sets a new password; it also lifts a lock-out, since the user is about to be told the new one.</summary>
    Task<Result<UserDto>> SetPasswordAsync(Guid id, string? password, CancellationToken cancellationToken);

    /// <summary>Clears a lock-out after too many wrong passwords.</summary>
    Task<Result<UserDto>> UnlockAsync(Guid id, CancellationToken cancellationToken);
}

internal sealed class UserAdministration(KernelDbContext db, UserAccounts accounts, ICurrentUser currentUser) : IUserAdministration
{
    public const int MaxDisplayNameLength = 200;

    private static Refusal NotFound => Refusal.NotFound("not-found", "No such user.");

    public async Task<IReadOnlyList<UserDto>> ListAsync(CancellationToken cancellationToken)
    {
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var users = await db.Users.AsNoTracking().Include(u => u.Roles).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return users.Select(u => ToDto(u, roles)).ToList();
    }

    public async Task<Result<UserDto>> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return NotFound;
        }

        var roleIds = user.Roles.Select(r => r.RoleId).ToList();
        var roles = await db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return ToDto(user, roles);
    }

    public async Task<Result<UserDto>> CreateAsync(NewUser user, CancellationToken cancellationToken)
    {
        var errors = new List<Refusal>();
        var userName = user.UserName?.Trim() ?? "";
        if (AccountRules.UserName(userName, "userName") is { } invalid)
        {
            errors.Add(invalid);
        }
        else if (await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken))
        {
            return Refusal.Conflict("user-exists", "A user '{0}' exists.", userName).At("userName");
        }

        var displayName = string.IsNullOrWhiteSpace(user.DisplayName) ? userName : user.DisplayName.Trim();
        errors.AddIf(CheckDisplayName(displayName));
        errors.AddIf(AccountRules.Password(user.Password, "password"));
        errors.AddIf(await CheckUnitAsync(user.OrganizationUnitId, cancellationToken));
        var (roles, unknownRoles) = await FindRolesAsync(user.Roles, cancellationToken);
        errors.AddIf(unknownRoles);
        if (AdminRefusals.Combine(errors) is { } refused)
        {
            return refused;
        }

        var created = await accounts.CreateAsync(userName, displayName, user.Password!, user.OrganizationUnitId, roles.Select(r => r.Id), cancellationToken);
        return await FindAsync(created.Id, cancellationToken);
    }

    public async Task<Result<UserDto>> UpdateAsync(Guid id, UserUpdate update, CancellationToken cancellationToken)
    {
        var user = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return NotFound;
        }

        var errors = new List<Refusal>();
        var displayName = update.DisplayName?.Trim() ?? "";
        errors.AddIf(CheckDisplayName(displayName));
        errors.AddIf(await CheckUnitAsync(update.OrganizationUnitId, cancellationToken));
        var (roles, unknownRoles) = await FindRolesAsync(update.Roles, cancellationToken);
        errors.AddIf(unknownRoles);
        if (!update.IsActive && user.Id == currentUser.Id)
        {
            errors.Add(Refusal.Invalid("cannot-deactivate-self", "isActive", "You cannot deactivate yourself."));
        }

        if (AdminRefusals.Combine(errors) is { } refused)
        {
            return refused;
        }

        // Whoever loses the last active administrator would lock the whole tenant out of its own administration.
        var adminRoleId = await db.Roles.Where(r => r.Name == DefaultRoles.Admin).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var wasAdmin = user.IsActive && user.Roles.Any(r => r.RoleId == adminRoleId);
        var staysAdmin = update.IsActive && roles.Any(r => r.Id == adminRoleId);
        if (wasAdmin && !staysAdmin
            && !await db.Users.AnyAsync(u => u.Id != id && u.IsActive && u.Roles.Any(r => r.RoleId == adminRoleId), cancellationToken))
        {
            return Refusal.Conflict("last-administrator", "The tenant must keep at least one active administrator.").At(update.IsActive ? "roles" : "isActive");
        }

        user.DisplayName = displayName;
        user.OrganizationUnitId = update.OrganizationUnitId;
        user.IsActive = update.IsActive;
        user.Roles.RemoveAll(held => roles.All(r => r.Id != held.RoleId));
        user.Roles.AddRange(roles.Where(r => user.Roles.All(held => held.RoleId != r.Id)).Select(r => new UserRole { UserId = user.Id, RoleId = r.Id }));
        await db.SaveChangesAsync(cancellationToken);
        return await FindAsync(id, cancellationToken);
    }

    public async Task<Result<UserDto>> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken)
    {
        var found = await FindAsync(id, cancellationToken);
        if (found.IsRefused)
        {
            return found;
        }

        var user = found.Value;
        return await UpdateAsync(id, new UserUpdate(user.DisplayName, user.OrganizationUnitId, user.Roles, active), cancellationToken);
    }

    public async Task<Result<UserDto>> SetPasswordAsync(Guid id, string? password, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return NotFound;
        }

        if (AccountRules.Password(password, "password") is { } weak)
        {
            return weak;
        }

        UserAccounts.SetPassword(user, password!);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        await db.SaveChangesAsync(cancellationToken);
        return await FindAsync(id, cancellationToken);
    }

    public async Task<Result<UserDto>> UnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return NotFound;
        }

        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        await db.SaveChangesAsync(cancellationToken);
        return await FindAsync(id, cancellationToken);
    }

    private static UserDto ToDto(User user, IReadOnlyDictionary<Guid, string> roleNames) =>
        new(user.Id, user.UserName, user.DisplayName, user.OrganizationUnitId, user.IsActive, user.LockoutEnd > DateTime.UtcNow,
            user.Roles.Select(r => roleNames.GetValueOrDefault(r.RoleId, "?")).Order(StringComparer.Ordinal).ToList(),
            user.LockoutEnd > DateTime.UtcNow ? user.LockoutEnd : null);

    private static Refusal? CheckDisplayName(string displayName) =>
        displayName.Length == 0 ? Refusal.Invalid("display-name-required", "displayName", "A user needs a display name.")
        : displayName.Length > MaxDisplayNameLength ? Refusal.Invalid("display-name-too-long", "displayName", "A display name has at most {0} characters.", MaxDisplayNameLength)
        : null;

    private async Task<Refusal?> CheckUnitAsync(Guid? unitId, CancellationToken cancellationToken) =>
        unitId is { } id && !await db.OrganizationUnits.AnyAsync(u => u.Id == id, cancellationToken)
            ? Refusal.Invalid("unknown-unit", "organizationUnitId", "No such organization unit.")
            : null;

    private async Task<(List<Role> Roles, Refusal? Unknown)> FindRolesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        var roles = await db.Roles.Where(r => wanted.Contains(r.Name)).ToListAsync(cancellationToken);
        var unknown = wanted.Except(roles.Select(r => r.Name)).ToList();
        return (roles, unknown.Count > 0 ? Refusal.Invalid("unknown-role", "roles", "Unknown role: {0}.", string.Join(", ", unknown)) : null);
    }
}
