using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Modules.Members.Application.Lifecycle;

/// <summary>Re-applies the lifecycle rules to the whole tenant once a day, which is what makes customers dormant.</summary>
internal sealed class LifecycleJob : ICrmJob
{
    public string Name => "members.lifecycle";

    public TimeSpan Interval => TimeSpan.FromDays(1);

    public Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<LifecycleService>().RecomputeAsync(cancellationToken);
}
