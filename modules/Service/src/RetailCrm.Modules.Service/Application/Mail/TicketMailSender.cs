using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Messaging;

namespace RetailCrm.Modules.Service.Application.Mail;

/// <summary>
/// Queues the mails to a ticket's customer once what they tell is committed: an agent's reply (with the reply's stored
/// Message-ID, In-Reply-To the customer's last mail and References of the conversation) and the acknowledgement.
/// </summary>
internal sealed class TicketMailSender(ServiceDbContext db, IOutgoingMessages outgoing)
    : IIntegrationEventHandler<TicketReplySavedIntegrationEvent>, IIntegrationEventHandler<TicketAcknowledgementRequestedIntegrationEvent>
{
    private const int MaxReferences = 20;

    public async Task HandleAsync(TicketReplySavedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == integrationEvent.TicketId, cancellationToken);
        var reply = await db.Set<TicketEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == integrationEvent.EntryId, cancellationToken);
        if (ticket?.ContactEmail is null || reply is null)
        {
            return;
        }

        var earlier = await db.Set<TicketEntry>().AsNoTracking()
            .Where(e => e.TicketId == reply.TicketId && e.MessageId != null && e.CreatedAt <= reply.CreatedAt && e.Id != reply.Id)
            .OrderBy(e => e.CreatedAt).Select(e => new { e.MessageId, e.Kind }).ToListAsync(cancellationToken);
        await outgoing.QueueAsync(new OutgoingMessage(ChannelKinds.Email, ticket.ContactEmail, MailTemplates.Reply, Model(ticket, reply.AuthorName, reply.Body), ticket.Language)
        {
            ToName = ticket.ContactName,
            MessageId = reply.MessageId,
            InReplyTo = earlier.LastOrDefault(e => e.Kind == TicketEntryKind.CustomerMessage)?.MessageId ?? earlier.LastOrDefault()?.MessageId,
            References = [.. earlier.Select(e => e.MessageId!).TakeLast(MaxReferences)],
        }, cancellationToken);
    }

    public async Task HandleAsync(TicketAcknowledgementRequestedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == integrationEvent.TicketId, cancellationToken);
        if (ticket?.ContactEmail is null)
        {
            return;
        }

        await outgoing.QueueAsync(new OutgoingMessage(ChannelKinds.Email, ticket.ContactEmail, MailTemplates.Acknowledgement, Model(ticket, null, null), ticket.Language)
        {
            ToName = ticket.ContactName,
            MessageId = integrationEvent.MessageId,
            InReplyTo = integrationEvent.InReplyTo,
            References = integrationEvent.InReplyTo is { } first ? [first] : [],
        }, cancellationToken);
    }

    private static TicketMailModel Model(Ticket ticket, string? agentName, string? body) =>
        new(new TicketMailTicket(ticket.Reference, ticket.SubjectToken, ticket.Subject, ticket.Status.ToString()), ticket.ContactName, agentName, body);
}
