using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Identity;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Kernel.MultiTenancy;

/// <summary>
/// The demo tenant's users: one per default role but the administrator (made at first run), named as the role
/// (<c>store-clerk</c>, <c>department-supervisor</c> ...), so that each role can be tried at once. Those who work in
/// their own unit (store clerk, data entry) are in the first demo store, the others at head office.
/// </summary>
internal static class DemoUsers
{
    public static IEnumerable<(string Name, string DisplayName, string DisplayNameZh, DataScope Scope)> Roles =>
        DefaultRoles.All.Where(r => r.Name != DefaultRoles.Admin);

    public static bool IsDemoUserName(string userName) => Roles.Any(r => r.Name == userName);

    /// <summary>Adds the demo users the current tenant lacks, each with a generated password; returns those made.</summary>
    public static async Task<IReadOnlyList<StartupPassword>> EnsureAsync(KernelDbContext db, UserAccounts accounts, string tenantName, CancellationToken cancellationToken)
    {
        var names = Roles.Select(r => r.Name).ToList();
        var existing = await db.Users.Where(u => names.Contains(u.UserName)).Select(u => u.UserName).ToListAsync(cancellationToken);
        var roles = await db.Roles.Where(r => names.Contains(r.Name)).ToDictionaryAsync(r => r.Name, r => r.Id, cancellationToken);
        var units = await db.OrganizationUnits
            .Where(u => u.Kind == OrganizationUnitKind.Headquarters || u.Kind == OrganizationUnitKind.Store)
            .OrderBy(u => u.Code)
            .ToListAsync(cancellationToken);
        var headOffice = units.FirstOrDefault(u => u.Kind == OrganizationUnitKind.Headquarters)?.Id;
        var store = units.FirstOrDefault(u => u.Kind == OrganizationUnitKind.Store)?.Id ?? headOffice;
        var made = new List<StartupPassword>();
        foreach (var role in Roles.Where(r => !existing.Contains(r.Name) && roles.ContainsKey(r.Name)))
        {
            var password = TenantProvisioner.GeneratePassword();
            await accounts.CreateAsync(role.Name, role.DisplayName, password, role.Scope == DataScope.MyUnit ? store : headOffice, [roles[role.Name]], cancellationToken);
            made.Add(new StartupPassword(tenantName, role.Name, role.DisplayName, password));
        }

        return made;
    }
}
