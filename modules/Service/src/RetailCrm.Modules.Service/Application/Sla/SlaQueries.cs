using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Sla;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Application.Sla;

/// <summary>A ticket at risk or breached, for the supervisors' list.</summary>
internal sealed record SlaRiskRow(Guid TicketId, string Reference, string Subject, TicketStatus Status, Guid? AssigneeUserId, SlaClockView Clock);

/// <summary>Reads the clocks of tickets as they stand now.</summary>
internal sealed class SlaQueries(ServiceDbContext db, SlaCalendars calendars, TimeProvider time)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<SlaClockView>> ClocksAsync(Guid ticketId, CancellationToken cancellationToken)
    {
        var clocks = await db.Set<SlaClock>().AsNoTracking().Where(c => c.TicketId == ticketId).OrderBy(c => c.Kind).ToListAsync(cancellationToken);
        return await ViewsAsync(clocks, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<SlaClockView>>> ClocksAsync(IReadOnlyList<Guid> ticketIds, CancellationToken cancellationToken)
    {
        var clocks = await db.Set<SlaClock>().AsNoTracking().Where(c => ticketIds.Contains(c.TicketId)).ToListAsync(cancellationToken);
        var views = await ViewsAsync(clocks, cancellationToken);
        return clocks.Zip(views).GroupBy(p => p.First.TicketId).ToDictionary(g => g.Key, g => (IReadOnlyList<SlaClockView>)[.. g.Select(p => p.Second)]);
    }

    /// <summary>Running clocks past their warning time or their target, most overdue first.</summary>
    public async Task<IReadOnlyList<SlaRiskRow>> AtRiskAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var clocks = await db.Set<SlaClock>().AsNoTracking()
            .Where(c => c.State == SlaClockState.Running && (c.WarnAt <= now || c.DueAt <= now))
            .OrderBy(c => c.DueAt).Take(200).ToListAsync(cancellationToken);
        var ids = clocks.Select(c => c.TicketId).Distinct().ToList();
        var tickets = await db.Set<Ticket>().AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        var views = await ViewsAsync(clocks, cancellationToken);
        return [.. clocks.Zip(views).Where(p => tickets.ContainsKey(p.First.TicketId)).Select(p =>
        {
            var ticket = tickets[p.First.TicketId];
            return new SlaRiskRow(ticket.Id, ticket.Reference, ticket.Subject, ticket.Status, ticket.AssigneeUserId, p.Second);
        })];
    }

    /// <summary>The clock a queue row shows: a running one due first, else a paused one, else a breached one.</summary>
    public static SlaClockView? Headline(IReadOnlyList<SlaClockView> clocks) =>
        clocks.Where(c => c.State == SlaClockState.Running).OrderBy(c => c.DueAt).FirstOrDefault()
        ?? clocks.FirstOrDefault(c => c.State == SlaClockState.Paused)
        ?? clocks.FirstOrDefault(c => c.BreachedAt is not null);

    private async Task<List<SlaClockView>> ViewsAsync(List<SlaClock> clocks, CancellationToken cancellationToken)
    {
        var now = Now;
        var views = new List<SlaClockView>(clocks.Count);
        foreach (var clock in clocks)
        {
            views.Add(SlaClockView.Of(clock, now, await calendars.BusinessAsync(clock.CalendarId, cancellationToken)));
        }

        return views;
    }
}
