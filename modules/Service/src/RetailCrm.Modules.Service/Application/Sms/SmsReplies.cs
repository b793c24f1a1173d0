using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Sdk.Messaging;
using RetailCrm.Sdk.Templates;

namespace RetailCrm.Modules.Service.Application.Sms;

/// <summary>The model of <see cref="SmsTemplates.Reply"/>.</summary>
internal sealed record SmsReplyModel(string Reference, string Text);

/// <summary>The SMS templates of the service module.</summary>
internal sealed class SmsTemplates : ITemplateDefinitionProvider
{
    /// <summary>An agent's reply on an SMS ticket, as the customer's phone shows it.</summary>
    public const string Reply = "service.sms-reply";

    public void Define(ITemplateDefinitionContext context) =>
        context.Add(new TemplateDefinition(Reply, "Reply by SMS", "短信回复") { SampleModel = new SmsReplyModel("#1024", "Your card is ready.") });
}

/// <summary>Sends an agent's reply on an SMS ticket to the customer's phone, queued in the same transaction as the reply.</summary>
internal sealed class SmsReplies(IOutgoingMessages outgoing) : ITicketLifecycleObserver
{
    public async Task AgentRepliedAsync(Ticket ticket, TicketEntry reply, CancellationToken cancellationToken)
    {
        if (reply.Channel != TicketChannel.Sms || ticket.ContactPhone is not { Length: > 0 } phone)
        {
            return;
        }

        await outgoing.QueueAsync(
            new OutgoingMessage(ChannelKinds.Sms, phone, SmsTemplates.Reply, new SmsReplyModel(ticket.Reference, reply.Body), ticket.Language) { ToName = ticket.ContactName },
            cancellationToken);
    }
}
