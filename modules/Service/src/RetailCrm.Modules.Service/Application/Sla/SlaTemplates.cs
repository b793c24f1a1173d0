using RetailCrm.Sdk.Templates;

namespace RetailCrm.Modules.Service.Application.Sla;

/// <summary>The model of the escalation mail: which ticket, which clock, warning or breach, and when it is (was) due.</summary>
/// <param name="SupervisorName">Whom the mail is to.</param>
/// <param name="TicketReference">E.g. <c>#42</c>.</param>
/// <param name="TicketSubject">The ticket's subject.</param>
/// <param name="Clock">first-response, next-update or resolution.</param>
/// <param name="Breached">True at the breach, false for the warning before it.</param>
/// <param name="DueAt">The due time in the calendar's zone, e.g. <c>2026-12-07 18:00 (Asia/Shanghai)</c>.</param>
/// <param name="TicketPath">The ticket's page, e.g. <c>/service/tickets/…</c>.</param>
internal sealed record SlaEscalationModel(string SupervisorName, string TicketReference, string TicketSubject, string Clock, bool Breached, string DueAt, string TicketPath);

internal sealed class SlaTemplates : ITemplateDefinitionProvider
{
    /// <summary>To supervisors when a clock nears its target, and when it misses it.</summary>
    public const string Escalation = "service.sla-escalation";

    public void Define(ITemplateDefinitionContext context) =>
        context.Add(new TemplateDefinition(Escalation, "SLA warning and breach", "服务时限预警与超时")
        {
            SampleModel = new SlaEscalationModel("Wang Fang", "#42", "Water arrived late", "first-response", false, "2026-12-07 18:00 (Asia/Shanghai)", "/service/tickets/00000000-0000-0000-0000-000000000000"),
        });
}
