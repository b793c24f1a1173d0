using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Templates;

namespace RetailCrm.Modules.Service.Application.Mail;

internal static class MailServices
{
    /// <summary>The e-mail channel: mailboxes, the minute poll, dead letters, acknowledgements and replies by mail.</summary>
    public static IServiceCollection AddServiceMail(this IServiceCollection services)
    {
        services.AddSingleton<ISettingDefinitionProvider, MailSettingDefinitions>();
        services.AddSingleton<ITemplateDefinitionProvider, MailTemplates>();
        services.AddSingleton<MailboxLocks>();
        services.AddScoped<MailboxPasswords>();
        services.AddScoped<Mailboxes>();
        services.AddScoped<DeadLetters>();
        services.AddScoped<InboundMailScope>();
        services.AddScoped<MailIngest>();
        services.AddScoped<MailboxPoller>();
        services.AddScoped<ITicketLifecycleObserver, MailTicketObserver>();
        services.AddScoped<IIntegrationEventHandler<TicketReplySavedIntegrationEvent>, TicketMailSender>();
        services.AddScoped<IIntegrationEventHandler<TicketAcknowledgementRequestedIntegrationEvent>, TicketMailSender>();
        services.AddSingleton<ICrmJob, MailboxPollJob>();
        return services;
    }
}
