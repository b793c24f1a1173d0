using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.MultiTenancy;

/// <summary>Modules' read-only view of the tenant's organization units (the tenant filter of <see cref="KernelDbContext"/> applies).</summary>
internal sealed class OrganizationUnitDirectory(KernelDbContext db) : IOrganizationUnits
{
    public async Task<IReadOnlyList<OrganizationUnitInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        var units = await db.OrganizationUnits.AsNoTracking().OrderBy(u => u.Code).ToListAsync(cancellationToken);
        return units.Select(Info).ToList();
    }

    public async Task<OrganizationUnitInfo?> FindByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        // A tenant has tens or hundreds of units: comparing in memory keeps the match the same on SQLite and PostgreSQL.
        var wanted = code.Trim();
        var units = await ListAsync(cancellationToken);
        return units.FirstOrDefault(u => string.Equals(u.Code, wanted, StringComparison.OrdinalIgnoreCase));
    }

    public async Task<OrganizationUnitInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var unit = await db.OrganizationUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        return unit is null ? null : Info(unit);
    }

    private static OrganizationUnitInfo Info(OrganizationUnit unit) =>
        new(unit.Id, unit.Code, unit.Name, (OrganizationUnitType)(int)unit.Kind, unit.ParentId);
}
