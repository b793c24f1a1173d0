using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Mail;

/// <summary>
/// A mail taken into a ticket, by its Message-ID: written in the same transaction as the ticket or message, so a mail
/// read again (the same mail in two mailboxes, a folder whose UIDs started over, a retried dead letter) is known.
/// </summary>
internal sealed class InboundMail : ITenantOwned
{
    public const int MaxMessageIdLength = 400;

    private InboundMail()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public string MessageId { get; private set; } = "";

    public Guid MailboxId { get; private set; }

    public Guid TicketId { get; set; }

    public DateTime ReceivedAt { get; private set; }

    public static InboundMail Of(string messageId, Guid mailboxId, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        MessageId = messageId,
        MailboxId = mailboxId,
        ReceivedAt = now,
    };
}
