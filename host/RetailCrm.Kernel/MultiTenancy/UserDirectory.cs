using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.MultiTenancy;

/// <summary>Modules' read-only view of the tenant's active users (the tenant filter of <see cref="KernelDbContext"/> applies).</summary>
internal sealed class UserDirectory(KernelDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyList<UserInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        await Infos(db.Users.Where(u => u.IsActive)).ToListAsync(cancellationToken);

    public Task<UserInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        Infos(db.Users.Where(u => u.IsActive && u.Id == id)).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<UserInfo>> WithPermissionAsync(string permission, CancellationToken cancellationToken = default)
    {
        var roles = db.Roles.Where(r => r.Name == DefaultRoles.Admin || r.Permissions.Any(p => p.Permission == permission)).Select(r => r.Id);
        var users = db.UserRoles.Where(ur => roles.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await Infos(db.Users.Where(u => u.IsActive && users.Contains(u.Id))).ToListAsync(cancellationToken);
    }

    private static IQueryable<UserInfo> Infos(IQueryable<User> users) =>
        users.AsNoTracking()
            .OrderBy(u => u.DisplayName == "" ? u.UserName : u.DisplayName)
            .Select(u => new UserInfo(u.Id, u.UserName, u.DisplayName == "" ? u.UserName : u.DisplayName, u.Email, u.OrganizationUnitId));
}
