using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Modules.Service.Application.Calls;

internal static class CallServices
{
    public static IServiceCollection AddServiceCalls(this IServiceCollection services)
    {
        services.AddSingleton<ScreenPops>();
        services.AddScoped<WebhookSecrets>();
        services.AddScoped<AgentExtensions>();
        services.AddScoped<CallService>();
        services.AddScoped<CallQueries>();
        services.AddScoped<ScreenPopBuilder>();
        services.AddSingleton<ICrmJob, WebhookNonceCleanupJob>();
        return services;
    }
}
