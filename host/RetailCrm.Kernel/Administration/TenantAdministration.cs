using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Kernel.Administration;

/// <summary>
/// The tenants of this deployment, for the platform operator: create one with its administrator and modules,
/// suspend and resume. Names and host names belong to one tenant each.
/// </summary>
public interface ITenantAdministration
{
    /// <summary>Every tenant, by name.</summary>
    Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates a tenant with the default roles, a head office, an administrator and its modules switched on
    /// (every module when <see cref="NewTenant.Modules"/> is null). <see cref="NewTenant.IsHost"/> is ignored:
    /// only the first run makes the platform operator's tenant.
    /// </summary>
    Task<Result<TenantInfo>> CreateAsync(NewTenant tenant, CancellationToken cancellationToken);

    /// <summary>Suspends a tenant (nobody of it gets in) or makes it active again; the operator's own tenant stays active.</summary>
    Task<Result<TenantInfo>> SetStatusAsync(Guid id, TenantStatus status, CancellationToken cancellationToken);
}

internal sealed class TenantAdministration(KernelDbContext db, TenantStore tenants, TenantProvisioner provisioner) : ITenantAdministration
{
    public const int MaxNameLength = 200;

    public Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken) => tenants.ListAsync(cancellationToken);

    public async Task<Result<TenantInfo>> CreateAsync(NewTenant tenant, CancellationToken cancellationToken)
    {
        var name = tenant.Name.Trim();
        var errors = new List<Refusal>();
        if (name.Length < 2 || name.Length > MaxNameLength)
        {
            errors.Add(Refusal.Invalid("tenant-name-required", "name", "A tenant needs a name of 2 to {0} characters.", MaxNameLength));
        }

        errors.AddIf(AccountRules.UserName(tenant.AdminUserName.Trim(), "adminUserName"));
        errors.AddIf(AccountRules.Password(tenant.AdminPassword, "adminPassword"));
        if (AdminRefusals.Combine(errors) is { } refused)
        {
            return refused;
        }

        if (await tenants.FindByNameAsync(name, cancellationToken) is not null)
        {
            return Refusal.Conflict("tenant-exists", "A tenant named '{0}' exists.", name).At("name");
        }

        var hostNames = TenantProvisioner.Normalize(tenant.HostNames);
        var taken = await db.TenantHostNames.Where(h => hostNames.Contains(h.HostName)).Select(h => h.HostName).OrderBy(h => h).ToListAsync(cancellationToken);
        if (taken.Count > 0)
        {
            return Refusal.Conflict("tenant-host-taken", "The host name {0} belongs to another tenant.", string.Join(", ", taken)).At("hostNames");
        }

        var id = await provisioner.CreateAsync(tenant with { Name = name, AdminUserName = tenant.AdminUserName.Trim(), HostNames = hostNames, IsHost = false }, cancellationToken);
        return (await tenants.FindAsync(id, cancellationToken))!;
    }

    public async Task<Result<TenantInfo>> SetStatusAsync(Guid id, TenantStatus status, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tenant is null)
        {
            return Refusal.NotFound("tenant-not-found", "No such tenant.");
        }

        if (!Enum.IsDefined(status))
        {
            return Refusal.Invalid("status-required", "status", "Choose Active or Suspended.");
        }

        if (tenant.IsHost && status == TenantStatus.Suspended)
        {
            return Refusal.Conflict("host-tenant", "The platform operator's own tenant cannot be suspended.");
        }

        tenant.Status = status;
        await db.SaveChangesAsync(cancellationToken);
        await tenants.InvalidateAsync(cancellationToken);
        return (await tenants.FindAsync(id, cancellationToken))!;
    }
}
