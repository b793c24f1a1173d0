using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Settings;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Kernel.MultiTenancy;

/// <summary>Modules' read-only view of the tenant's active users (the tenant filter of <see cref="KernelDbContext"/> applies).</summary>
internal sealed class UserDirectory(KernelDbContext db, ICurrentTenant tenant) : IUserDirectory
{
    public Task<IReadOnlyList<UserInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        WithCulturesAsync(db.Users.Where(u => u.IsActive), cancellationToken);

    public async Task<UserInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await WithCulturesAsync(db.Users.Where(u => u.IsActive && u.Id == id), cancellationToken)) is [var user] ? user : null;

    public Task<IReadOnlyList<UserInfo>> WithPermissionAsync(string permission, CancellationToken cancellationToken = default)
    {
        var roles = db.Roles.Where(r => r.Name == DefaultRoles.Admin || r.Permissions.Any(p => p.Permission == permission)).Select(r => r.Id);
        var users = db.UserRoles.Where(ur => roles.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return WithCulturesAsync(db.Users.Where(u => u.IsActive && users.Contains(u.Id)), cancellationToken);
    }

    /// <summary>The users with the language each chose for himself (the user-scope value of the UI culture setting).</summary>
    private async Task<IReadOnlyList<UserInfo>> WithCulturesAsync(IQueryable<User> users, CancellationToken cancellationToken)
    {
        var infos = await Infos(users).ToListAsync(cancellationToken);
        var ids = infos.Select(u => u.Id).ToList();
        var tenantId = tenant.Id;
        var cultures = await db.SettingValues.AsNoTracking()
            .Where(v => v.Name == KernelSettings.Culture && v.Scope == SettingScope.User && v.TenantId == tenantId && v.UserId != null && ids.Contains(v.UserId.Value))
            .ToDictionaryAsync(v => v.UserId!.Value, v => v.Value, cancellationToken);
        return [.. infos.Select(u => cultures.TryGetValue(u.Id, out var culture) ? u with { Culture = culture } : u)];
    }

    private static IQueryable<UserInfo> Infos(IQueryable<User> users) =>
        users.AsNoTracking()
            .OrderBy(u => u.DisplayName == "" ? u.UserName : u.DisplayName)
            .Select(u => new UserInfo(u.Id, u.UserName, u.DisplayName == "" ? u.UserName : u.DisplayName, u.Email, u.OrganizationUnitId));
}
