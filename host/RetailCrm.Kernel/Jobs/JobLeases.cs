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

    /// <summary>How long to wait before asking again when another instance holds the lease (it may end early).</summary>
    private static readonly TimeSpan RecheckLocked = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Claims the run when it is due and no one holds it. When not claimed, <c>NotBefore</c> says when asking again
    /// can succeed: the next due time, or a short while when another instance holds the lease.
    /// </summary>
    public async Task<(bool Claimed, DateTime NotBefore)> TryClaimAsync(string jobName, Guid tenantId, TimeSpan interval, CancellationToken cancellationToken)
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
            return (true, now);
        }

        var lease = await db.JobLeases.AsNoTracking().Where(l => l.JobName == jobName && l.TenantId == tenantId)
            .Select(l => new { l.LockedUntil, l.LastRunAt }).FirstOrDefaultAsync(cancellationToken);
        if (lease is not null)
        {
            var due = lease.LastRunAt is { } last ? last + interval : now;
            return (false, lease.LockedUntil is { } locked && locked >= now ? Min(locked, now + RecheckLocked) : due);
        }

        db.JobLeases.Add(new JobLease { JobName = jobName, TenantId = tenantId, LockedUntil = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (true, now);
        }
        catch (DbUpdateException)
        {
            return (false, now + RecheckLocked); // another instance created the lease first and holds it
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

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
