using Microsoft.Extensions.Diagnostics.HealthChecks;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Modularity;

namespace RetailCrm.Kernel.Web;

/// <summary>Ready when the database answers; degraded while a plugin has failed.</summary>
internal sealed class ReadinessHealthCheck(KernelDbContext db, ModuleCatalog catalog) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }

        var failed = catalog.All.Where(m => m.State == ModuleLoadState.Failed).ToList();
        var data = failed.ToDictionary(m => "plugin:" + m.Id, m => (object)(m.Error ?? "failed"));
        return failed.Count == 0
            ? HealthCheckResult.Healthy("Database and modules ready.")
            : HealthCheckResult.Degraded($"{failed.Count} plugin(s) failed and were skipped: {string.Join(", ", failed.Select(f => f.Id))}.", data: data);
    }
}
