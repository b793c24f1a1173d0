using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Modules.Service.Application.FollowUps;

internal static class FollowUpServices
{
    public static IServiceCollection AddServiceFollowUps(this IServiceCollection services)
    {
        services.AddScoped<FollowUpInProgress>();
        services.AddScoped<ITicketLifecycleObserver, FollowUpObserver>();
        services.AddScoped<FollowUpOpener>();
        services.AddSingleton<ICrmJob, FollowUpJob>();
        return services;
    }
}
