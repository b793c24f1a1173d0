using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.Jobs;

/// <summary>
/// Runs every <see cref="ICrmJob"/> at its interval, once per active tenant that has the job's
/// module on, inside that tenant, on whichever host instance claims the lease first. A failing
/// run is logged, its error kept on the lease, and tried again at the next interval.
/// </summary>
internal sealed class JobScheduler(
    IEnumerable<ICrmJob> jobs,
    IServiceScopeFactory scopes,
    JobLeases leases,
    ModuleCatalog catalog,
    ModuleToggles toggles,
    TenantStore tenants,
    ICurrentTenant currentTenant,
    IConfiguration configuration,
    ILogger<JobScheduler> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<(string Job, Guid Tenant), DateTime> _notBefore = new();
    private readonly TimeSpan _tick = TimeSpan.FromMilliseconds(configuration.GetValue("RetailCrm:Jobs:TickMilliseconds", 1000));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var list = jobs.ToList();
        if (list.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(_tick);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var tenantList = await tenants.ListAsync(stoppingToken);
                foreach (var job in list)
                {
                    await RunDueAsync(job, tenantList, stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Job round failed; trying again next tick");
            }
        }
    }

    /// <summary>
    /// Runs the job for every tenant it is due for and whose lease this instance wins. A lease that is not due is not
    /// asked for again before it can be (kept in memory per instance): with hundreds of tenants a tick would otherwise
    /// cost two statements per job and tenant every second.
    /// </summary>
    private async Task RunDueAsync(ICrmJob job, IReadOnlyList<TenantInfo> tenantList, CancellationToken cancellationToken)
    {
        var moduleId = catalog.OwnerOf(job.GetType())?.Id ?? "";
        foreach (var tenant in tenantList)
        {
            var key = (job.Name, tenant.Id);
            if (tenant.Status != TenantStatus.Active
                || (_notBefore.TryGetValue(key, out var notBefore) && DateTime.UtcNow < notBefore)
                || (moduleId.Length > 0 && !await toggles.IsEnabledAsync(tenant.Id, moduleId, cancellationToken)))
            {
                continue;
            }

            var (claimed, next) = await leases.TryClaimAsync(job.Name, tenant.Id, job.Interval, cancellationToken);
            if (!claimed)
            {
                _notBefore[key] = next;
                continue;
            }

            _notBefore[key] = DateTime.UtcNow + job.Interval;

            string? error = null;
            try
            {
                using var tenantScope = currentTenant.Change(tenant.Id, tenant.Name);
                using var scope = scopes.CreateScope();
                await job.ExecuteAsync(scope.ServiceProvider, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                error = $"{e.GetType().Name}: {e.Message}";
                logger.LogError(e, "Job {Job} failed for tenant {Tenant}", job.Name, tenant.Name);
            }

            await leases.ReleaseAsync(job.Name, tenant.Id, error, CancellationToken.None);
        }
    }
}
