using RetailCrm.Modules.Service.Domain.Mail;

namespace RetailCrm.Modules.Service.Application.Mail;

/// <summary>
/// The mail being taken in within this scope, so that <see cref="MailTicketObserver"/> puts its files and its
/// Message-ID record into the same SaveChanges as the ticket (or message) the mail becomes.
/// </summary>
internal sealed class InboundMailScope
{
    public ParsedMail? Mail { get; private set; }

    public InboundMail? Record { get; private set; }

    public void Begin(ParsedMail mail, InboundMail record)
    {
        Mail = mail;
        Record = record;
    }

    public void End()
    {
        Mail = null;
        Record = null;
    }
}
