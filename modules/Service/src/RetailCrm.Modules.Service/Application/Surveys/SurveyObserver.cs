using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Surveys;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Messaging;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Service.Application.Surveys;

/// <summary>
/// On a ticket's first resolution, adds its survey (by e-mail, else by SMS to the contact's phone) in the same
/// transaction as the resolution. The link is not made here: <see cref="SurveyInvitations"/> makes and sends it once
/// the resolution is saved, so a resolution that is rolled back never sends a survey.
/// </summary>
internal sealed class SurveyObserver(ServiceDbContext db, ISettingProvider settings, IHttpContextAccessor http, TimeProvider time) : ITicketLifecycleObserver
{
    public async Task StatusChangedAsync(Ticket ticket, TicketStatus from, CancellationToken cancellationToken)
    {
        if (ticket.Status != TicketStatus.Resolved || ticket.IsMerged || Recipient(ticket) is not var (channel, address))
        {
            return;
        }

        var exists = db.Set<Survey>().Local.Any(s => s.TicketId == ticket.Id)
            || await db.Set<Survey>().AnyAsync(s => s.TicketId == ticket.Id, cancellationToken);
        if (exists)
        {
            return;
        }

        db.Set<Survey>().Add(Survey.For(ticket.Id, ticket.CustomerId, ticket.AssigneeUserId, channel, address, ticket.Language,
            await LinkBaseAsync(cancellationToken), time.GetUtcNow().UtcDateTime));
    }

    private static (string Channel, string Address)? Recipient(Ticket ticket) =>
        ticket.ContactEmail is { Length: > 0 } email ? (ChannelKinds.Email, email)
        : ticket.ContactPhone is { Length: > 0 } phone ? (ChannelKinds.Sms, phone)
        : null;

    private async Task<string> LinkBaseAsync(CancellationToken cancellationToken)
    {
        if (await settings.GetAsync(SurveySettings.LinkBase, cancellationToken) is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        return http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}" : "";
    }
}
