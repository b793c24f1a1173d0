using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Domain.Tickets;

namespace RetailCrm.Modules.Service.Application.Knowledge;

/// <summary>The knowledge-base picker beside a ticket's conversation: search and insert an article into the reply.</summary>
internal sealed class KnowledgeTicketPanel : ITicketPanelContributor
{
    public const string PartialView = "~/Web/Views/Shared/_KnowledgeBasePicker.cshtml";

    public Task<TicketPanel?> PanelAsync(Ticket ticket, CancellationToken cancellationToken) =>
        Task.FromResult<TicketPanel?>(new TicketPanel("kb", PartialView, null, 500));
}
