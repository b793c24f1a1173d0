using RetailCrm.Sdk.Events;

namespace RetailCrm.Modules.Service.Application.Mail;

/// <summary>
/// An agent's e-mail reply was saved (its Message-ID is on the entry): the module's own event, so the mail is queued
/// only after the reply is committed. See <see cref="MailTicketObserver"/> for why.
/// </summary>
[IntegrationEvent("service.mail-reply-saved")]
internal sealed record TicketReplySavedIntegrationEvent(Guid TicketId, Guid EntryId);

/// <summary>A ticket that came by e-mail or web form was saved and its customer is to get an acknowledgement.</summary>
[IntegrationEvent("service.mail-acknowledgement-requested")]
internal sealed record TicketAcknowledgementRequestedIntegrationEvent(Guid TicketId, string MessageId, string? InReplyTo);
