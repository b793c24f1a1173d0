using RetailCrm.Modules.Service.Domain.Tickets;

namespace RetailCrm.Modules.Service.Application.Tickets;

/// <summary>A panel beside a ticket's conversation (SLA clocks, calls, survey, knowledge base): a partial view and its model.</summary>
/// <param name="Key">Unique, e.g. <c>sla</c>; the panel's element carries it as <c>data-panel</c>.</param>
/// <param name="PartialView">The partial's path, e.g. <c>~/Web/Views/Sla/_TicketClocks.cshtml</c>.</param>
/// <param name="Model">The partial's model.</param>
/// <param name="Order">Lower first.</param>
internal sealed record TicketPanel(string Key, string PartialView, object? Model, int Order = 100);

/// <summary>Adds a panel to the ticket page. Register with <c>services.AddScoped&lt;ITicketPanelContributor, MyPanel&gt;()</c>.</summary>
internal interface ITicketPanelContributor
{
    /// <summary>The panel for this ticket, or null for none.</summary>
    Task<TicketPanel?> PanelAsync(Ticket ticket, CancellationToken cancellationToken);
}

/// <summary>
/// A small mark on a queue row, e.g. an SLA clock: its text, a CSS class of the theme's badges (<c>ok</c>, <c>warn</c>,
/// <c>danger</c>, <c>muted</c>) and, for a running clock, the UTC time it counts down to (the page counts live with it).
/// </summary>
internal sealed record TicketBadge(string Text, string Css, DateTime? CountsDownTo = null);

/// <summary>Adds badges to the queue's rows with one query for the whole page. Register with <c>services.AddScoped&lt;ITicketBadgeContributor, MyBadges&gt;()</c>.</summary>
internal interface ITicketBadgeContributor
{
    /// <summary>The badge of each ticket that has one.</summary>
    Task<IReadOnlyDictionary<Guid, TicketBadge>> BadgesAsync(IReadOnlyList<Guid> ticketIds, CancellationToken cancellationToken);
}
