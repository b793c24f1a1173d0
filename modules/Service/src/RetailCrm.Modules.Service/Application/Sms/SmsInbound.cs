using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Sms;

/// <summary>An SMS the gateway received: the sender's number, the text and the gateway's id of it.</summary>
internal sealed record InboundSmsRequest(string? From, string? Text, string? MessageId);

/// <summary>Where an inbound SMS went: the ticket, and whether it opened a new one.</summary>
internal sealed record InboundSmsOutcome(Guid TicketId, long Number, bool Opened);

/// <summary>
/// Threads an inbound SMS into the newest open ticket of the sender's number (its customer's, or the contact's), or
/// opens a new SMS ticket for it.
/// </summary>
internal sealed class SmsInbound(ServiceDbContext db, IPhoneNumbers phoneNumbers, ICustomerLookup customers, TicketService tickets)
{
    public const int MaxTextLength = 2_000;
    private const int SubjectLength = 60;

    public async Task<Result<InboundSmsOutcome>> ReceiveAsync(InboundSmsRequest request, CancellationToken cancellationToken)
    {
        var text = request.Text?.Trim() ?? "";
        var e164 = await phoneNumbers.ToE164Async(request.From, cancellationToken);
        var fields = new List<FieldRefusal>();
        if (e164 is null)
        {
            fields.Add(new FieldRefusal("from", LocalizableText.Of("The sender's number is not a valid phone number.")));
        }

        if (text.Length is 0 or > MaxTextLength)
        {
            fields.Add(new FieldRefusal("text", LocalizableText.Of("The text is 1 to {0} characters.", MaxTextLength)));
        }

        if (fields.Count > 0)
        {
            return Refusal.Invalid("service/sms-invalid", fields).Titled("The SMS is not valid");
        }

        var found = await customers.FindByPhoneAsync(e164!, cancellationToken);
        var customerIds = found.Select(c => c.Id).ToList();
        var newest = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.MergedIntoId == null && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed
                && (t.ContactPhone == e164 || (t.CustomerId != null && customerIds.Contains(t.CustomerId.Value))))
            .OrderByDescending(t => t.UpdatedAt).Select(t => new { t.Id, t.Number }).FirstOrDefaultAsync(cancellationToken);
        var author = found.Count == 1 ? found[0].DisplayName : e164!;
        if (newest is not null
            && await tickets.AddCustomerMessageAsync(newest.Id, new CustomerMessage(text, TicketChannel.Sms, author, request.MessageId), cancellationToken) is { } added)
        {
            return added.Map(_ => new InboundSmsOutcome(newest.Id, newest.Number, Opened: false));
        }

        var opened = await tickets.OpenAsync(new NewTicket
        {
            Subject = text.Length > SubjectLength ? text[..SubjectLength] + "…" : text,
            Body = text,
            Channel = TicketChannel.Sms,
            CustomerId = found.Count == 1 ? found[0].Id : null,
            ContactPhone = e164,
            MessageId = request.MessageId,
        }, cancellationToken);
        return opened.Map(t => new InboundSmsOutcome(t.Id, t.Number, Opened: true));
    }
}
