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
/// module on, inside that tenant. A failing run is logged and tried again at the next interval.
/// </summary>
internal sealed class JobScheduler(
    IEnumerable<ICrmJob> jobs,
    IServiceScopeFactory scopes,
    ModuleCatalog catalog,
    ModuleToggles toggles,
    TenantStore tenants,
    ICurrentTenant currentTenant,
    ILogger<JobScheduler> logger) : BackgroundService
{
    private readonly Dictionary<string, DateTime> _lastRun = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var list = jobs.ToList();
        if (list.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var job in list.Where(j => !_lastRun.TryGetValue(j.Name, out var last) || DateTime.UtcNow - last >= j.Interval))
            {
                _lastRun[job.Name] = DateTime.UtcNow;
                await RunForAllTenantsAsync(job, stoppingToken);
            }
        }
    }

    public async Task RunForAllTenantsAsync(ICrmJob job, CancellationToken cancellationToken)
    {
        var moduleId = catalog.OwnerOf(job.GetType())?.Id ?? "";
        foreach (var tenant in await tenants.ListAsync(cancellationToken))
        {
            if (tenant.Status != TenantStatus.Active || (moduleId.Length > 0 && !await toggles.IsEnabledAsync(tenant.Id, moduleId, cancellationToken)))
            {
                continue;
            }

            try
            {
                using var tenantScope = currentTenant.Change(tenant.Id, tenant.Name);
                using var scope = scopes.CreateScope();
                await job.ExecuteAsync(scope.ServiceProvider, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Job {Job} failed for tenant {Tenant}", job.Name, tenant.Name);
            }
        }
    }
}
