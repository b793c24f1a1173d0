using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Contracts.Events;
using RetailCrm.Modules.Service.Domain.Surveys;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Messaging;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Service.Application.Surveys;

/// <summary>What the <c>service.csat-survey</c> template reads (snake_case: <c>survey_url</c>, <c>ticket_reference</c>...).</summary>
internal sealed record SurveyMail(string CustomerName, string TicketReference, string TicketSubject, string SurveyUrl, string ExpiresOn)
{
    public static SurveyMail Sample => new("Li Lei", "#42", "Water arrived late", "https://shop.example.com/service/survey/sample-token", "2026-12-20");
}

/// <summary>
/// Sends the survey of a resolved ticket. <see cref="IOutgoingMessages.QueueAsync"/> writes to the kernel's database,
/// outside the module's transaction, so it runs here, after the resolution and its survey row are committed (this
/// event is in the same outbox transaction), never for a resolution that was rolled back. Idempotent per ticket: a
/// survey already sent is left alone. The message is queued before the token's hash is saved; if that save fails, the
/// next delivery issues a fresh token and sends again, and the first mail's link simply finds nothing (404).
/// </summary>
internal sealed class SurveyInvitations(ServiceDbContext db, IOutgoingMessages messages, ISettingProvider settings, TimeProvider time)
    : IIntegrationEventHandler<TicketResolvedIntegrationEvent>
{
    public const string TemplateKey = "service.csat-survey";

    public async Task HandleAsync(TicketResolvedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var survey = await db.Set<Survey>().FirstOrDefaultAsync(s => s.TicketId == integrationEvent.TicketId, cancellationToken);
        if (survey is null || survey.SentAt is not null)
        {
            return;
        }

        var ticket = await db.Set<Ticket>().AsNoTracking().FirstAsync(t => t.Id == survey.TicketId, cancellationToken);
        var days = await settings.GetIntAsync(SurveySettings.ValidDays, cancellationToken);
        var token = survey.IssueToken(time.GetUtcNow().UtcDateTime, TimeSpan.FromDays(days > 0 ? days : SurveySettings.DefaultValidDays));
        var mail = new SurveyMail(ticket.ContactName ?? "", ticket.Reference, ticket.Subject, survey.Link(token),
            survey.ExpiresAt!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await messages.QueueAsync(new OutgoingMessage(survey.Channel, survey.Address, TemplateKey, mail, survey.Language) { ToName = ticket.ContactName }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
