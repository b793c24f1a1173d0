using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Domain.Sla;
using RetailCrm.Modules.Service.Domain.Tickets;

namespace RetailCrm.Modules.Service.Application.Sla;

/// <summary>The SLA badge of each queue row: time left (counting down live), paused, or breached how long ago.</summary>
internal sealed class SlaBadges(SlaQueries queries, IStringLocalizer<ServiceModule> t) : ITicketBadgeContributor
{
    public async Task<IReadOnlyDictionary<Guid, TicketBadge>> BadgesAsync(IReadOnlyList<Guid> ticketIds, CancellationToken cancellationToken)
    {
        var now = queries.Now;
        var clocks = await queries.ClocksAsync(ticketIds, cancellationToken);
        var badges = new Dictionary<Guid, TicketBadge>();
        foreach (var (ticketId, views) in clocks)
        {
            if (SlaQueries.Headline(views) is { } clock)
            {
                badges[ticketId] = Badge(clock, now, t);
            }
        }

        return badges;
    }

    public static TicketBadge Badge(SlaClockView clock, DateTime now, IStringLocalizer t) => clock switch
    {
        { State: SlaClockState.Paused } => new TicketBadge(t["paused"], "muted"),
        _ when clock.IsBreached(now) => new TicketBadge(t["breached {0} ago", SlaClockView.Span(now - (clock.BreachedAt ?? now))], "danger"),
        { State: SlaClockState.Running, DueAt: { } due } => new TicketBadge(t["{0} left", SlaClockView.Span(due - now)], clock.IsAtRisk(now) ? "warn" : "ok", due),
        _ => new TicketBadge(t["stopped"], "muted"),
    };
}

/// <summary>The model of the ticket page's SLA panel.</summary>
internal sealed record SlaPanelModel(IReadOnlyList<SlaClockView> Clocks, DateTime Now);

/// <summary>The SLA panel of the ticket page: each clock with its target, due time, elapsed and paused time and state.</summary>
internal sealed class SlaPanel(SlaQueries queries) : ITicketPanelContributor
{
    public async Task<TicketPanel?> PanelAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var clocks = await queries.ClocksAsync(ticket.Id, cancellationToken);
        return clocks.Count == 0 ? null : new TicketPanel("sla", "~/Web/Views/Sla/_TicketClocks.cshtml", new SlaPanelModel(clocks, queries.Now), 10);
    }
}
