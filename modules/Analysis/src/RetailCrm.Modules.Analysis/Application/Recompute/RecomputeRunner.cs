using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RetailCrm.Modules.Analysis.Application.Configuration;
using RetailCrm.Modules.Analysis.Application.Engine;
using RetailCrm.Modules.Analysis.Application.Facts;
using RetailCrm.Modules.Analysis.Contracts;
using RetailCrm.Modules.Analysis.Contracts.Events;
using RetailCrm.Modules.Analysis.Domain.Results;
using RetailCrm.Modules.Analysis.Domain.Runs;
using RetailCrm.Modules.Analysis.Infrastructure.Persistence;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.Events;

namespace RetailCrm.Modules.Analysis.Application.Recompute;

/// <summary>
/// One recompute, phase by phase: rebuild the facts when asked (or the first time), load customers and facts into
/// the column engine, compute, and write the results back in one transaction, so that a run that fails leaves the
/// previous results in place. Progress goes to the run's row through a context of its own, visible while the work's
/// transactions are open.
/// </summary>
internal sealed class RecomputeRunner(
    AnalysisDbContext db,
    FactRebuild rebuild,
    FactLoader loader,
    AnalysisSettings settings,
    IBulkWriter bulk,
    IEventBus events,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<RecomputeRunner> logger)
{
    public async Task ExecuteAsync(Guid runId, bool fullRebuild, CancellationToken cancellationToken)
    {
        using var progressScope = scopes.CreateScope();
        var progressDb = progressScope.ServiceProvider.GetRequiredService<AnalysisDbContext>();
        var lease = progressScope.ServiceProvider.GetRequiredService<RecomputeLease>();

        var timings = new PhaseClock(time);

        async Task Report(RecomputePhase phase, int percent)
        {
            var took = timings.Next(phase);
            await progressDb.Set<RecomputeRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Phase, phase).SetProperty(r => r.Progress, percent).SetProperty(r => r.PhaseTimings, took), CancellationToken.None);
            await lease.RenewAsync(runId, CancellationToken.None);
        }

        try
        {
            var configuration = await settings.GetAsync(cancellationToken);
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var (start, end, previousStart) = configuration.Windows(today);
            await progressDb.Set<RecomputeRun>().Where(r => r.Id == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.WindowStart, start).SetProperty(r => r.WindowEnd, end), CancellationToken.None);

            var state = await db.Set<AnalysisState>().AsNoTracking().FirstAsync(cancellationToken);
            if (fullRebuild || state.RebuiltAt is null)
            {
                await Report(RecomputePhase.Rebuilding, 2);
                await rebuild.RebuildAsync(_ => { }, cancellationToken);
                await db.Set<AnalysisState>().ExecuteUpdateAsync(s => s.SetProperty(x => x.RebuiltAt, time.GetUtcNow().UtcDateTime), cancellationToken);
            }

            using var store = new AnalyticalStore();
            await Report(RecomputePhase.ReadingCustomers, 10);
            await loader.LoadCustomersAsync(store, _ => { }, cancellationToken);
            await Report(RecomputePhase.LoadingFacts, 25);
            var purchases = await loader.LoadPurchasesAsync(store, _ => { }, cancellationToken);
            await loader.LoadServiceAndCardsAsync(store, cancellationToken);

            await Report(RecomputePhase.Computing, 50);
            var computation = new RfmComputation(store);
            var parameters = new RfmParameters(start, end, previousStart, configuration.RecencyWeight, configuration.FrequencyWeight,
                configuration.MonetaryWeight, configuration.DormantDays, AnalysisSettings.MapOf(configuration));
            computation.Compute(parameters);

            await Report(RecomputePhase.Writing, 70);
            var (customers, took) = await WriteAsync(runId, computation, parameters, purchases, timings, cancellationToken);
            logger.LogInformation("Analysis recompute {RunId}: {Customers} customers, {Purchases} purchases; {Timings}", runId, customers, purchases, took);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Analysis recompute {RunId} failed; the previous results stay", runId);
            var error = e.Message.Length > RecomputeRun.MaxErrorLength ? e.Message[..RecomputeRun.MaxErrorLength] : e.Message;
            await lease.ReleaseAsync(runId, CancellationToken.None);
            await progressDb.Set<RecomputeRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RecomputeStatus.Failed).SetProperty(r => r.Error, error).SetProperty(r => r.PhaseTimings, timings.Next(RecomputePhase.Done))
                .SetProperty(r => r.FinishedAt, time.GetUtcNow().UtcDateTime), CancellationToken.None);
        }
        finally
        {
            await lease.ReleaseAsync(runId, CancellationToken.None);
        }
    }

    private async Task<(int Customers, string Timings)> WriteAsync(
        Guid runId, RfmComputation computation, RfmParameters parameters, long purchases, PhaseClock timings, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<CustomerScore>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<SegmentCell>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<ParetoPoint>().ExecuteDeleteAsync(cancellationToken);
        await db.Set<ConsumptionCell>().ExecuteDeleteAsync(cancellationToken);
        int customers;
        await using (var write = bulk.Open(db))
        {
            customers = (int)await write.CopyAsync(computation.Scores(), cancellationToken);
            await write.CopyAsync(computation.Cells(), cancellationToken);
            await write.CopyAsync(computation.Pareto(), cancellationToken);
            await write.CopyAsync(computation.Consumption(parameters), cancellationToken);
        }

        var finishedAt = time.GetUtcNow().UtcDateTime;
        // The lease is given back with the results, so that whoever sees the run succeed may start the next one.
        await db.Set<AnalysisState>().ExecuteUpdateAsync(s => s.SetProperty(x => x.CurrentRunId, runId)
            .SetProperty(x => x.LeaseRunId, x => x.LeaseRunId == runId ? null : x.LeaseRunId)
            .SetProperty(x => x.LeaseUntil, x => x.LeaseRunId == runId ? null : x.LeaseUntil), cancellationToken);
        var run = await db.Set<RecomputeRun>().FirstAsync(r => r.Id == runId, cancellationToken);
        run.Status = RecomputeStatus.Succeeded;
        run.Phase = RecomputePhase.Done;
        run.Progress = 100;
        run.FinishedAt = finishedAt;
        run.Customers = customers;
        run.Purchases = purchases;
        run.PhaseTimings = timings.Next(RecomputePhase.Done);
        events.Publish(new AnalysisRecomputedIntegrationEvent(runId, customers, purchases, finishedAt));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (customers, run.PhaseTimings);
    }
}
