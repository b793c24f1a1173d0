using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Kernel.Jobs;

/// <summary>
/// Claims a job run for a tenant with one conditional update, so that of several host instances
/// exactly one runs it when it is due; a crashed run's lease expires and the job runs again.
/// </summary>
internal sealed class JobLeases(IServiceScopeFactory scopes)
{
    private static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(10);

    public async Task<bool> TryClaimAsync(string jobName, Guid tenantId, TimeSpan interval, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var dueBefore = now - interval;
        var until = now + LeaseLength;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var claimed = await db.JobLeases
            .Where(l => l.JobName == jobName && l.TenantId == tenantId
                && (l.LockedUntil == null || l.LockedUntil < now)
                && (l.LastRunAt == null || l.LastRunAt <= dueBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntil, until), cancellationToken);
        if (claimed == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.JobName == jobName && l.TenantId == tenantId, cancellationToken))
        {
            return false;
        }

        db.JobLeases.Add(new JobLease { JobName = jobName, TenantId = tenantId, LockedUntil = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance created the lease first and holds it
        }
    }

    public async Task ReleaseAsync(string jobName, Guid tenantId, string? error, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var now = DateTime.UtcNow;
        await db.JobLeases
            .Where(l => l.JobName == jobName && l.TenantId == tenantId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastRunAt, now).SetProperty(l => l.LockedUntil, (DateTime?)null).SetProperty(l => l.LastError, error), cancellationToken);
    }
}
