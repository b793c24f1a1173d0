using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Domain.Tickets;

namespace RetailCrm.Modules.Service.Application.Calls;

/// <summary>The ticket page's panel of the calls that led to the ticket or were linked to it.</summary>
internal sealed class TicketCallsPanel(CallQueries calls) : ITicketPanelContributor
{
    public async Task<TicketPanel?> PanelAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var linked = await calls.OfTicketAsync(ticket.Id, cancellationToken);
        return linked.Count == 0 ? null : new TicketPanel("calls", "~/Web/Views/Calls/_TicketCalls.cshtml", linked, Order: 30);
    }
}
