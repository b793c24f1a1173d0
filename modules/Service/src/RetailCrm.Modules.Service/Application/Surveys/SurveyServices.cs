using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts.Events;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Templates;

namespace RetailCrm.Modules.Service.Application.Surveys;

internal static class SurveyServices
{
    public static IServiceCollection AddServiceSurveys(this IServiceCollection services)
    {
        services.AddSingleton<ISettingDefinitionProvider, SurveySettingDefinitions>();
        services.AddSingleton<ITemplateDefinitionProvider, SurveyTemplates>();
        services.AddScoped<ITicketLifecycleObserver, SurveyObserver>();
        services.AddScoped<IIntegrationEventHandler<TicketResolvedIntegrationEvent>, SurveyInvitations>();
        services.AddScoped<ITicketPanelContributor, SurveyPanel>();
        services.AddScoped<SurveyAnswers>();
        return services;
    }
}
