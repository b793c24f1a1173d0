using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Modules.Members.Application.Lifecycle;

internal static class LifecycleServices
{
    /// <summary>Lifecycle classes (客户分类): the rules, their daily job, changes by hand and the history.</summary>
    public static IServiceCollection AddLifecycle(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<LifecycleService>();
        services.AddSingleton<ICrmJob, LifecycleJob>();
        return services;
    }
}
