using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Modules.Analysis.Application.Recompute;

/// <summary>Recomputes each tenant's analysis once a day; skipped while an on-demand recompute holds the lease.</summary>
internal sealed class RecomputeJob : ICrmJob
{
    public string Name => "analysis.recompute";

    public TimeSpan Interval => TimeSpan.FromHours(24);

    public Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<Recomputes>().RunAsync(rebuild: false, "schedule", cancellationToken);
}
