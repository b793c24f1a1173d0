using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RetailCrm.Modules.Analysis.Contracts;
using RetailCrm.Modules.Analysis.Domain.Runs;
using RetailCrm.Modules.Analysis.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Analysis.Application.Recompute;

/// <summary>
/// Starts recomputes of the current tenant: on demand in the background (the page and the API watch its run), or
/// inline from the scheduled job. Only the holder of the tenant's <see cref="RecomputeLease"/> computes.
/// </summary>
internal sealed class Recomputes(
    AnalysisDbContext db,
    RecomputeLease lease,
    ICurrentTenant tenant,
    ICurrentUser user,
    TimeProvider time,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    ILogger<Recomputes> logger)
{
    /// <summary>Claims the lease and runs the recompute in the background; 409 while another runs.</summary>
    public async Task<Result<RecomputeRun>> StartAsync(bool rebuild, string trigger, CancellationToken cancellationToken)
    {
        var run = await ClaimAsync(rebuild, trigger, cancellationToken);
        if (run is null)
        {
            return Refusal.Conflict("analysis/recompute-running", "A recompute of this tenant is already running; watch it, or start again when it has finished.");
        }

        var tenantId = tenant.Id;
        var stopping = lifetime.ApplicationStopping;
        _ = Task.Run(async () =>
        {
            using var _ = tenant.Change(tenantId);
            using var scope = scopes.CreateScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<RecomputeRunner>().ExecuteAsync(run.Id, rebuild, stopping);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Analysis recompute {RunId} of tenant {TenantId} could not record its failure", run.Id, tenantId);
            }
        }, CancellationToken.None);
        return run;
    }

    /// <summary>Runs a recompute now and answers it when finished; null when another holds the lease.</summary>
    public async Task<RecomputeRun?> RunAsync(bool rebuild, string trigger, CancellationToken cancellationToken)
    {
        var run = await ClaimAsync(rebuild, trigger, cancellationToken);
        if (run is null)
        {
            return null;
        }

        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<RecomputeRunner>().ExecuteAsync(run.Id, rebuild, cancellationToken);
        return await FindAsync(run.Id, cancellationToken);
    }

    public Task<RecomputeRun?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<RecomputeRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<IReadOnlyList<RecomputeRun>> LatestAsync(int count, CancellationToken cancellationToken) =>
        await db.Set<RecomputeRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).Take(count).ToListAsync(cancellationToken);

    /// <summary>The run whose results are shown, or null before the first recompute.</summary>
    public async Task<RecomputeRun?> CurrentAsync(CancellationToken cancellationToken)
    {
        var id = await db.Set<AnalysisState>().AsNoTracking().Select(s => s.CurrentRunId).FirstOrDefaultAsync(cancellationToken);
        return id is { } runId ? await FindAsync(runId, cancellationToken) : null;
    }

    private async Task<RecomputeRun?> ClaimAsync(bool rebuild, string trigger, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        if (!await lease.TryClaimAsync(id, cancellationToken))
        {
            return null;
        }

        var run = new RecomputeRun
        {
            Id = id,
            Status = RecomputeStatus.Running,
            Phase = RecomputePhase.Queued,
            Rebuild = rebuild,
            Trigger = trigger,
            RequestedByUserId = user.Id,
            StartedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Set<RecomputeRun>().Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }
}
