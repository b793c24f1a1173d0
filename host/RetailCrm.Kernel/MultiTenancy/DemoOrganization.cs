using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Kernel.MultiTenancy;

/// <summary>
/// The demo tenant's stores: modules see organization units read-only (<c>IOrganizationUnits</c>), so the kernel
/// adds a few stores under the head office before the modules' demo data runs, when the tenant has none yet.
/// </summary>
internal static class DemoOrganization
{
    private static readonly (string Code, string Name)[] s_stores =
    [
        ("S001", "南京路店 Nanjing Road"),
        ("S002", "徐家汇店 Xujiahui"),
        ("S003", "浦东店 Pudong"),
    ];

    /// <summary>Adds the demo stores to the current tenant unless it has a store already; returns how many were added.</summary>
    public static async Task<int> EnsureStoresAsync(KernelDbContext db, CancellationToken cancellationToken)
    {
        if (await db.OrganizationUnits.AnyAsync(u => u.Kind == OrganizationUnitKind.Store, cancellationToken))
        {
            return 0;
        }

        var headOffice = await db.OrganizationUnits.Where(u => u.Kind == OrganizationUnitKind.Headquarters).OrderBy(u => u.Code).FirstOrDefaultAsync(cancellationToken);
        if (headOffice is null)
        {
            return 0;
        }

        var codes = await db.OrganizationUnits.Select(u => u.Code).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var (code, name) in s_stores.Where(s => !codes.Contains(s.Code, StringComparer.OrdinalIgnoreCase)))
        {
            db.OrganizationUnits.Add(OrganizationUnit.ChildOf(headOffice, code, name, OrganizationUnitKind.Store));
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }
}
