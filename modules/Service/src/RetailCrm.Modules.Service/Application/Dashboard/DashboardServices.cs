using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Application.Dashboard;

internal static class DashboardServices
{
    public static IServiceCollection AddServiceDashboard(this IServiceCollection services)
    {
        services.AddScoped<ServiceDashboardQueries>();
        services.AddScoped<IDashboardWidget, ServiceQueueWidget>();
        services.AddScoped<IDashboardWidget, ServiceKpiWidget>();
        services.AddScoped<IDashboardWidget, MyTicketsWidget>();
        return services;
    }
}
