using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailCrm.Kernel.Templates;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.Messaging;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Templates;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Messaging;

/// <summary>Registers templates (Scriban, tenant overrides), outgoing messages, the e-mail channel and their pages' services.</summary>
internal static class MessagingServices
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TemplateCatalog>();
        services.AddSingleton<ITemplateDefinitionProvider, KernelTemplates>();
        services.AddScoped<TemplateTexts>();
        services.AddScoped<TemplateRenderer>();
        services.AddScoped<ITemplateRenderer>(sp => sp.GetRequiredService<TemplateRenderer>());
        services.AddScoped<ITemplateAdministration, TemplateAdministration>();
        services.AddScoped<OutgoingMessageQueue>();
        services.AddScoped<IOutgoingMessages>(sp => sp.GetRequiredService<OutgoingMessageQueue>());
        services.AddScoped<IOutgoingMessageAdministration>(sp => sp.GetRequiredService<OutgoingMessageQueue>());
        services.AddScoped<OutgoingMessageSender>();
        services.AddSingleton<ICrmJob, OutgoingMessagesJob>();
        services.AddScoped<INotificationChannel, EmailChannel>();
        services.AddSingleton<ISettingDefinitionProvider, MailSettings>();
        services.AddSingleton<IPermissionDefinitionProvider, MessagingPermissions>();
        services.AddSingleton<IMenuContributor, MessagingMenu>();
    }
}
