using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Service.Application.Campaigns;
using RetailCrm.Modules.Service.Application.Sms;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Application.WebForm;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.Templates;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Application.Calls;

internal static class CallServices
{
    /// <summary>The phone, SMS and web form channels (CTI webhook, screen pop, call records, inbound and outbound SMS, the public form) and outbound call lists.</summary>
    public static IServiceCollection AddServiceChannels(this IServiceCollection services)
    {
        services.AddSingleton<ScreenPops>();
        services.AddScoped<WebhookSecrets>();
        services.AddScoped<AgentExtensions>();
        services.AddScoped<CallService>();
        services.AddScoped<CallQueries>();
        services.AddScoped<ScreenPopBuilder>();
        services.AddSingleton<ICrmJob, WebhookNonceCleanupJob>();
        services.AddScoped<IPageScriptContributor, ScreenPopScripts>();
        services.AddScoped<ITicketPanelContributor, TicketCallsPanel>();

        services.AddScoped<SmsInbound>();
        services.AddScoped<ITicketLifecycleObserver, SmsReplies>();
        services.AddSingleton<ITemplateDefinitionProvider, SmsTemplates>();

        services.AddScoped<WebFormService>();
        services.AddSingleton<WebFormRateLimit>();
        services.AddScoped<CampaignService>();
        services.AddScoped<CampaignQueries>();
        services.AddScoped<IOutboundCallLists, OutboundCallLists>();
        return services;
    }
}
