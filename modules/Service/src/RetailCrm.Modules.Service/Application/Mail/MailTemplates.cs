using RetailCrm.Sdk.Templates;

namespace RetailCrm.Modules.Service.Application.Mail;

/// <summary>The model of the mails to a ticket's customer (read snake_case: <c>ticket.subject_token</c>, <c>agent_name</c>).</summary>
internal sealed record TicketMailModel(TicketMailTicket Ticket, string? CustomerName, string? AgentName, string? Body);

/// <summary>The ticket as its mails show it.</summary>
internal sealed record TicketMailTicket(string Reference, string SubjectToken, string Subject, string Status);

/// <summary>The module's mail templates, in English and Chinese (<c>Templates/ticket-*.scriban</c>).</summary>
internal sealed class MailTemplates : ITemplateDefinitionProvider
{
    /// <summary>An agent's reply to the customer.</summary>
    public const string Reply = "service.ticket-reply";

    /// <summary>"We have your message" to the customer of a ticket that came by e-mail or web form.</summary>
    public const string Acknowledgement = "service.ticket-acknowledgement";

    private static readonly TicketMailTicket SampleTicket = new("#42", "[#42-k3q9xz]", "The water dispenser leaks", "Open");

    public void Define(ITemplateDefinitionContext context)
    {
        context.Add(new TemplateDefinition(Reply, "Ticket: agent's reply", "工单：客服回复")
        {
            SampleModel = new TicketMailModel(SampleTicket, "Li Na", "Wang Fang", "We will send a technician tomorrow between 9 and 12."),
        });
        context.Add(new TemplateDefinition(Acknowledgement, "Ticket: acknowledgement", "工单：受理确认")
        {
            SampleModel = new TicketMailModel(SampleTicket, "Li Na", null, null),
        });
    }
}
