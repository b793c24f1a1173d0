using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Mail;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Application.Mail;

/// <summary>What became of one mail.</summary>
internal enum MailOutcome
{
    /// <summary>It opened a new ticket.</summary>
    Opened,

    /// <summary>It was added to the ticket it answers.</summary>
    Threaded,

    /// <summary>Its Message-ID was taken in before.</summary>
    Duplicate,

    /// <summary>It is addressed to another address than the mailbox's; left alone.</summary>
    NotForMailbox,

    /// <summary>It could not be taken in; the caller keeps it as a dead letter with <see cref="MailResult.Reason"/>.</summary>
    Refused,
}

internal sealed record MailResult(MailOutcome Outcome, Guid? TicketId = null, string? Reason = null, ParsedMail? Mail = null);

/// <summary>
/// Takes one mail of a mailbox in, in one SaveChanges with the mailbox's read position: it threads into the ticket it
/// answers (References / In-Reply-To, then the ticket token in the subject), else opens a ticket for the customer of
/// the sender's address, or an unknown contact. A refusal saves nothing: the caller keeps the mail as a dead letter.
/// </summary>
internal sealed partial class MailIngest(ServiceDbContext db, TicketService tickets, ICustomerLookup customers, InboundMailScope scope, TimeProvider time)
{
    private const string NoSubject = "(no subject)";

    /// <summary>One mail; <paramref name="mailbox"/> is tracked by this scope's context, and its read position moves past <paramref name="uid"/> with the ticket.</summary>
    public async Task<MailResult> TakeInAsync(Mailbox mailbox, long uid, byte[] raw, CancellationToken cancellationToken)
    {
        var (mail, reason) = ParsedMail.Parse(raw);
        if (mail is null)
        {
            return new MailResult(MailOutcome.Refused, Reason: reason);
        }

        if (!mail.Recipients.Contains(mailbox.Address))
        {
            return await PassAsync(mailbox, uid, MailOutcome.NotForMailbox, mail, cancellationToken);
        }

        if (mail.Problem is { } problem)
        {
            return new MailResult(MailOutcome.Refused, Reason: problem, Mail: mail);
        }

        var messageId = ParsedMail.Normalize(mail.MessageId);
        if (await db.Set<InboundMail>().AnyAsync(m => m.MessageId == messageId, cancellationToken))
        {
            return await PassAsync(mailbox, uid, MailOutcome.Duplicate, mail, cancellationToken);
        }

        mailbox.Passed(uid);
        scope.Begin(mail, InboundMail.Of(messageId, mailbox.Id, time.GetUtcNow().UtcDateTime));
        try
        {
            if (!mailbox.IsFax && await ThreadAsync(mail, cancellationToken) is { } ticketId)
            {
                var added = await tickets.AddCustomerMessageAsync(ticketId, new CustomerMessage(BodyOf(mail), TicketChannel.Email, Author(mail), messageId), cancellationToken);
                if (added is not null)
                {
                    return added.IsRefused
                        ? new MailResult(MailOutcome.Refused, ticketId, MailText.Of(added.Refusal!), mail)
                        : new MailResult(MailOutcome.Threaded, ticketId, Mail: mail);
                }
            }

            var opened = await tickets.OpenAsync(await NewTicketAsync(mailbox, mail, messageId, cancellationToken), cancellationToken);
            return opened.IsRefused
                ? new MailResult(MailOutcome.Refused, Reason: "The ticket refused the mail: " + MailText.Of(opened.Refusal!), Mail: mail)
                : new MailResult(MailOutcome.Opened, opened.Value.Id, Mail: mail);
        }
        finally
        {
            scope.End();
        }
    }

    /// <summary>The ticket the mail answers: one of its References / In-Reply-To ids on a ticket entry, an acknowledgement's id, or the token in the subject.</summary>
    public async Task<Guid?> ThreadAsync(ParsedMail mail, CancellationToken cancellationToken)
    {
        var ids = mail.ThreadIds.Select(ParsedMail.Normalize).ToList();
        if (ids.Count > 0)
        {
            var byEntry = await db.Set<TicketEntry>().AsNoTracking()
                .Where(e => e.MessageId != null && ids.Contains(e.MessageId))
                .OrderByDescending(e => e.CreatedAt).Select(e => (Guid?)e.TicketId).FirstOrDefaultAsync(cancellationToken);
            if (byEntry is not null)
            {
                return byEntry;
            }

            var acknowledged = ids.Select(id => AcknowledgementId().Match(id)).Where(m => m.Success).Select(m => Guid.ParseExact(m.Groups[1].Value, "N")).ToList();
            var byInbound = await db.Set<InboundMail>().AsNoTracking().Where(m => ids.Contains(m.MessageId)).Select(m => (Guid?)m.TicketId).FirstOrDefaultAsync(cancellationToken)
                ?? await db.Set<Ticket>().AsNoTracking().Where(t => acknowledged.Contains(t.Id)).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
            if (byInbound is not null)
            {
                return byInbound;
            }
        }

        if (SubjectToken().Match(mail.Subject) is { Success: true } token)
        {
            var number = long.Parse(token.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var word = token.Groups[2].Value.ToLowerInvariant();
            return await db.Set<Ticket>().AsNoTracking().Where(t => t.Number == number && t.Token == word).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
        }

        return null;
    }

    private async Task<NewTicket> NewTicketAsync(Mailbox mailbox, ParsedMail mail, string messageId, CancellationToken cancellationToken)
    {
        // The job reads mail as no user: the look-up by address, unlike the search, is not limited to a data scope.
        var customer = await customers.FindByEmailAsync(mail.FromAddress, cancellationToken) is [var first, ..] ? first : null;
        var subject = mail.Subject.Length == 0 ? (mailbox.IsFax ? "Fax from " + mail.FromAddress : NoSubject) : mail.Subject;
        return new NewTicket
        {
            Type = mailbox.DefaultTypeKey,
            Subject = subject.Length > Ticket.MaxSubjectLength ? subject[..Ticket.MaxSubjectLength] : subject,
            Body = BodyOf(mail),
            Channel = mailbox.IsFax ? TicketChannel.Fax : TicketChannel.Email,
            CustomerId = customer?.Id,
            ContactName = customer is null ? Cut(mail.FromName, Ticket.MaxContactLength) : null,
            ContactEmail = mail.FromAddress.Length <= Ticket.MaxContactLength ? mail.FromAddress : null,
            Language = HasChinese().IsMatch(mail.Subject + mail.Body) ? "zh-CN" : "en",
            MessageId = messageId,
        };
    }

    private async Task<MailResult> PassAsync(Mailbox mailbox, long uid, MailOutcome outcome, ParsedMail mail, CancellationToken cancellationToken)
    {
        mailbox.Passed(uid);
        await db.SaveChangesAsync(cancellationToken);
        return new MailResult(outcome, Mail: mail);
    }

    /// <summary>The text kept as the customer's message; a mail with files only says so, so the conversation shows it came.</summary>
    private static string BodyOf(ParsedMail mail)
    {
        var body = mail.Body.Length > 0 ? mail.Body
            : mail.Files.Count > 0 ? "(The mail has no text; its files: " + string.Join(", ", mail.Files.Select(f => f.FileName)) + ")"
            : "(The mail has no text.)";
        return body.Length > TicketEntry.MaxBodyLength ? body[..TicketEntry.MaxBodyLength] : body;
    }

    private static string Author(ParsedMail mail) => Cut(mail.FromName is { } name ? $"{name} <{mail.FromAddress}>" : mail.FromAddress, 200)!;

    private static string? Cut(string? text, int length) => text is not null && text.Length > length ? text[..length] : text;

    [GeneratedRegex(@"\[#(\d{1,18})-([a-zA-Z0-9]{6})\]")]
    private static partial Regex SubjectToken();

    [GeneratedRegex(@"^ack-([0-9a-f]{32})@", RegexOptions.IgnoreCase)]
    private static partial Regex AcknowledgementId();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HasChinese();
}
