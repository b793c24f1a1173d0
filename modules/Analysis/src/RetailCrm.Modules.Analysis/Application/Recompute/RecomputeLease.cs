using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Analysis.Domain.Runs;
using RetailCrm.Modules.Analysis.Infrastructure.Persistence;

namespace RetailCrm.Modules.Analysis.Application.Recompute;

/// <summary>
/// The lease that keeps two recomputes of a tenant from running at once, on one host instance or several: claimed by
/// a conditional update of the tenant's <see cref="AnalysisState"/> (or by inserting it, the first time), renewed
/// while the run reports progress, and given back at its end. A crashed run's lease expires.
/// </summary>
internal sealed class RecomputeLease(AnalysisDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(10);

    public async Task<bool> TryClaimAsync(Guid runId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + Length;
        var claimed = await db.Set<AnalysisState>()
            .Where(s => s.LeaseUntil == null || s.LeaseUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseRunId, runId).SetProperty(x => x.LeaseUntil, until), cancellationToken);
        if (claimed == 1)
        {
            return true;
        }

        if (await db.Set<AnalysisState>().AnyAsync(cancellationToken))
        {
            return false;
        }

        db.Set<AnalysisState>().Add(new AnalysisState { LeaseRunId = runId, LeaseUntil = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // another run created the state first and holds the lease
        }
    }

    public Task RenewAsync(Guid runId, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow().UtcDateTime + Length;
        return db.Set<AnalysisState>().Where(s => s.LeaseRunId == runId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseUntil, until), cancellationToken);
    }

    public Task ReleaseAsync(Guid runId, CancellationToken cancellationToken) =>
        db.Set<AnalysisState>().Where(s => s.LeaseRunId == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseRunId, (Guid?)null).SetProperty(x => x.LeaseUntil, (DateTime?)null), cancellationToken);
}
