using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Service.Application.Mail;

/// <summary>
/// The e-mail channel's part of a ticket's life, inside the ticket's transaction: a mail being taken in brings its
/// files and its Message-ID record; an e-mail reply gets its Message-ID; a ticket a mailbox or the web form opened asks for
/// an acknowledgement.
/// <para>
/// Outgoing mail is never queued here. <c>IOutgoingMessages.QueueAsync</c> commits to the kernel's database at once,
/// outside this transaction, and the ticket's SaveChanges may still fail after the observers (a concurrent change is a
/// 409): a mail queued here could go out for a reply that was never saved. Instead the observer publishes the module's
/// own integration event, which the outbox writes in the same transaction as the reply and delivers only after the
/// commit; <see cref="TicketMailSender"/> then queues the mail from what was saved. Delivery is at least once, and a
/// repeated mail carries the same Message-ID, so the customer's mail program shows it once.
/// </para>
/// </summary>
internal sealed class MailTicketObserver(ServiceDbContext db, InboundMailScope inbound, IEventBus events, ISettingProvider settings, TimeProvider time) : ITicketLifecycleObserver
{
    public async Task OpenedAsync(Ticket ticket, TicketEntry? firstMessage, CancellationToken cancellationToken)
    {
        TakeInFiles(ticket, firstMessage);
        // What the customer sent in is acknowledged: a mail a mailbox took in, or the public web form. A ticket an agent
        // opens by hand (even on the e-mail channel) is answered by the agent, not by an automatic "we have it".
        var sentIn = (ticket.Channel == TicketChannel.Email && inbound.Mail is not null) || ticket.Channel == TicketChannel.WebForm;
        if (!sentIn || ticket.ContactEmail is null || inbound.Mail is { IsAutomatic: true }
            || !await settings.GetBoolAsync(MailSettingDefinitions.Acknowledge, cancellationToken))
        {
            return;
        }

        var messageId = $"ack-{ticket.Id:N}@{await MessageIdDomainAsync(settings, cancellationToken)}";
        events.Publish(new TicketAcknowledgementRequestedIntegrationEvent(ticket.Id, messageId, firstMessage?.MessageId));
    }

    public Task CustomerMessageAsync(Ticket ticket, TicketEntry message, CancellationToken cancellationToken)
    {
        TakeInFiles(ticket, message);
        return Task.CompletedTask;
    }

    public async Task AgentRepliedAsync(Ticket ticket, TicketEntry reply, CancellationToken cancellationToken)
    {
        if (reply.Channel != TicketChannel.Email || ticket.ContactEmail is null)
        {
            return;
        }

        reply.MessageId = $"reply-{reply.Id:N}@{await MessageIdDomainAsync(settings, cancellationToken)}";
        events.Publish(new TicketReplySavedIntegrationEvent(ticket.Id, reply.Id));
    }

    /// <summary>The domain of the tenant's sender address, so the Message-IDs look like the tenant's own mail.</summary>
    public static async Task<string> MessageIdDomainAsync(ISettingProvider settings, CancellationToken cancellationToken) =>
        await settings.GetAsync(MailSettingDefinitions.KernelFromAddress, cancellationToken) is { } from && from.LastIndexOf('@') is var at and > 0
            ? from[(at + 1)..].Trim().TrimEnd('>').ToLowerInvariant()
            : "localhost";

    /// <summary>The mail's files go onto the ticket; one the attachment policy refuses is named in a note, never dropped silently.</summary>
    private void TakeInFiles(Ticket ticket, TicketEntry? entry)
    {
        if (inbound.Mail is not { } mail || inbound.Record is not { } record)
        {
            return;
        }

        record.TicketId = ticket.Id;
        db.Add(record);
        var now = time.GetUtcNow().UtcDateTime;
        var refused = new List<string>();
        foreach (var file in mail.Files)
        {
            var kind = AttachmentPolicy.Files.Check(file.FileName, file.Content.LongLength);
            if (kind.IsRefused)
            {
                refused.Add($"{file.FileName}: {MailText.Of(kind.Refusal!)}");
                continue;
            }

            var name = file.FileName.Length > TicketAttachment.MaxFileNameLength ? file.FileName[^TicketAttachment.MaxFileNameLength..] : file.FileName;
            db.Add(TicketAttachment.Create(ticket.Id, entry?.Id, name, kind.Value, file.Content, null, now));
        }

        if (refused.Count > 0)
        {
            var note = "Files of the mail that the ticket does not take:\n" + string.Join('\n', refused);
            db.Add(TicketEntry.Create(ticket.Id, TicketEntryKind.Note, ticket.Channel, note.Length > TicketEntry.MaxBodyLength ? note[..TicketEntry.MaxBodyLength] : note, null, "system", now));
        }
    }
}
