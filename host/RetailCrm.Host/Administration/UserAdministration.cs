using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Identity;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Host.Administration;

/// <summary>What an administrator may change on a user; every field is replaced.</summary>
public sealed record UserUpdate(string? DisplayName, Guid? OrganizationUnitId, IReadOnlyCollection<string> Roles, bool IsActive);

/// <summary>
/// The rules of managing the current tenant's users, shared by the admin pages and the admin API:
/// nobody deactivates himself, and the tenant always keeps an active administrator.
/// </summary>
public sealed class UserAdministration(KernelDbContext db, UserAccounts accounts, ICurrentUser currentUser)
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 200;
    public const int MaxDisplayNameLength = 200;

    public async Task<AdminResult> CreateAsync(string? userName, string? displayName, string? password, Guid? unitId, IReadOnlyCollection<string> roleNames, CancellationToken cancellationToken)
    {
        var errors = new List<AdminError>();
        userName = userName?.Trim() ?? "";
        if (userName.Length < 2 || userName.Length > 100 || !userName.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '@' or '-'))
        {
            errors.Add(new AdminError("userName", "invalid-user-name", "A user name has 2 to 100 letters, digits or . _ @ -."));
        }
        else if (await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken))
        {
            return AdminResult.Conflict("userName", "user-exists", "A user '{0}' exists.", userName);
        }

        displayName = string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim();
        CheckDisplayName(displayName, errors);
        CheckPassword(password, errors);
        await CheckUnitAsync(unitId, errors, cancellationToken);
        var roles = await FindRolesAsync(roleNames, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return AdminResult.Invalid(errors);
        }

        var user = await accounts.CreateAsync(userName, displayName, password!, unitId, roles.Select(r => r.Id), cancellationToken);
        return AdminResult.Created(user.Id);
    }

    public async Task<AdminResult> UpdateAsync(Guid id, UserUpdate update, CancellationToken cancellationToken)
    {
        var user = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return AdminResult.NotFound("user");
        }

        var errors = new List<AdminError>();
        var displayName = update.DisplayName?.Trim() ?? "";
        CheckDisplayName(displayName, errors);
        await CheckUnitAsync(update.OrganizationUnitId, errors, cancellationToken);
        var roles = await FindRolesAsync(update.Roles, errors, cancellationToken);
        if (!update.IsActive && user.Id == currentUser.Id)
        {
            errors.Add(new AdminError("isActive", "cannot-deactivate-self", "You cannot deactivate yourself."));
        }

        if (errors.Count > 0)
        {
            return AdminResult.Invalid(errors);
        }

        // Whoever loses the last active administrator would lock the whole tenant out of its own administration.
        var adminRoleId = await db.Roles.Where(r => r.Name == DefaultRoles.Admin).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var wasAdmin = user.IsActive && user.Roles.Any(r => r.RoleId == adminRoleId);
        var staysAdmin = update.IsActive && roles.Any(r => r.Id == adminRoleId);
        if (wasAdmin && !staysAdmin
            && !await db.Users.AnyAsync(u => u.Id != id && u.IsActive && u.Roles.Any(r => r.RoleId == adminRoleId), cancellationToken))
        {
            return AdminResult.Conflict(update.IsActive ? "roles" : "isActive", "last-administrator", "The tenant must keep at least one active administrator.");
        }

        user.DisplayName = displayName;
        user.OrganizationUnitId = update.OrganizationUnitId;
        user.IsActive = update.IsActive;
        user.Roles.RemoveAll(held => roles.All(r => r.Id != held.RoleId));
        user.Roles.AddRange(roles.Where(r => user.Roles.All(held => held.RoleId != r.Id)).Select(r => new UserRole { UserId = user.Id, RoleId = r.Id }));
        await db.SaveChangesAsync(cancellationToken);
        return AdminResult.Ok;
    }

    /// <summary>Sets the active flag and keeps everything else.</summary>
    public async Task<AdminResult> SetActiveAsync(Guid id, bool active, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return AdminResult.NotFound("user");
        }

        var roleIds = user.Roles.Select(r => r.RoleId).ToList();
        var roleNames = await db.Roles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Name).ToListAsync(cancellationToken);
        return await UpdateAsync(id, new UserUpdate(user.DisplayName, user.OrganizationUnitId, roleNames, active), cancellationToken);
    }

    /// <summary>An administrator sets a new password; it also lifts a lock-out, since the user is about to be told the new one.</summary>
    public async Task<AdminResult> SetPasswordAsync(Guid id, string? password, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return AdminResult.NotFound("user");
        }

        var errors = new List<AdminError>();
        CheckPassword(password, errors);
        if (errors.Count > 0)
        {
            return AdminResult.Invalid(errors);
        }

        accounts.SetPassword(user, password!);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        await db.SaveChangesAsync(cancellationToken);
        return AdminResult.Ok;
    }

    /// <summary>Clears a lock-out after too many wrong passwords.</summary>
    public async Task<AdminResult> UnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return AdminResult.NotFound("user");
        }

        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        await db.SaveChangesAsync(cancellationToken);
        return AdminResult.Ok;
    }

    private static void CheckDisplayName(string displayName, List<AdminError> errors)
    {
        if (displayName.Length == 0)
        {
            errors.Add(new AdminError("displayName", "display-name-required", "A user needs a display name."));
        }
        else if (displayName.Length > MaxDisplayNameLength)
        {
            errors.Add(new AdminError("displayName", "display-name-too-long", "A display name has at most {0} characters.", MaxDisplayNameLength));
        }
    }

    private static void CheckPassword(string? password, List<AdminError> errors)
    {
        if (password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
        {
            errors.Add(new AdminError("password", "weak-password", "A password has {0} to {1} characters.", MinPasswordLength, MaxPasswordLength));
        }
    }

    private async Task CheckUnitAsync(Guid? unitId, List<AdminError> errors, CancellationToken cancellationToken)
    {
        if (unitId is { } id && !await db.OrganizationUnits.AnyAsync(u => u.Id == id, cancellationToken))
        {
            errors.Add(new AdminError("organizationUnitId", "unknown-unit", "No such organization unit."));
        }
    }

    private async Task<List<Role>> FindRolesAsync(IReadOnlyCollection<string> names, List<AdminError> errors, CancellationToken cancellationToken)
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        var roles = await db.Roles.Where(r => wanted.Contains(r.Name)).ToListAsync(cancellationToken);
        var unknown = wanted.Except(roles.Select(r => r.Name)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new AdminError("roles", "unknown-role", "Unknown role: {0}.", string.Join(", ", unknown)));
        }

        return roles;
    }
}
