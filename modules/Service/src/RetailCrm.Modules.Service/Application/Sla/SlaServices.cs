using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Service.Application.Routing;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Templates;

namespace RetailCrm.Modules.Service.Application.Sla;

internal static class SlaServices
{
    /// <summary>SLA calendars, policies, clocks and escalation; routing rules and agents' availability.</summary>
    public static IServiceCollection AddServiceSla(this IServiceCollection services)
    {
        services.AddSingleton<ISettingDefinitionProvider, SlaSettingDefinitions>();
        services.AddSingleton<ITemplateDefinitionProvider, SlaTemplates>();
        services.AddScoped<SlaCalendars>();
        services.AddScoped<SlaAdministration>();
        services.AddScoped<SlaQueries>();
        services.AddScoped<Reports.ISlaFigures, SlaClockFigures>();
        services.AddScoped<SlaEscalation>();
        services.AddSingleton<ICrmJob, SlaEscalationJob>();
        services.AddScoped<ITicketLifecycleObserver, SlaClockObserver>();
        services.AddScoped<ITicketBadgeContributor, SlaBadges>();
        services.AddScoped<ITicketPanelContributor, SlaPanel>();
        services.AddScoped<AgentPicker>();
        services.AddScoped<RoutingAdministration>();
        services.AddScoped<ITicketLifecycleObserver, RoutingObserver>();
        return services;
    }
}
