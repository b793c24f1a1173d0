using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Sla;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Application.Sla;

/// <summary>
/// Runs a ticket's SLA clocks along its life, in the ticket's transaction: opening starts first response and
/// resolution under the best-matching policy; the agent's reply stops first response and next update; each customer
/// message starts next update afresh; pending statuses pause every clock, leaving them resumes; resolving stops the
/// clocks and re-opening runs resolution again.
/// </summary>
internal sealed class SlaClockObserver(ServiceDbContext db, SlaCalendars calendars, TimeProvider time) : ITicketLifecycleObserver
{
    private static readonly SlaClockKind[] Kinds = [SlaClockKind.FirstResponse, SlaClockKind.NextUpdate, SlaClockKind.Resolution];

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task OpenedAsync(Ticket ticket, TicketEntry? firstMessage, CancellationToken cancellationToken)
    {
        var policies = await db.Set<SlaPolicy>().AsNoTracking().ToListAsync(cancellationToken);
        var policy = policies.Where(p => p.Matches(ticket.TypeKey, ticket.Priority, ticket.CustomerTier))
            .OrderByDescending(p => p.Specificity).ThenBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault();
        if (policy is null)
        {
            return;
        }

        var calendarId = policy.CalendarId ?? (await calendars.DefaultAsync(cancellationToken)).Id;
        var calendar = await calendars.BusinessAsync(calendarId, cancellationToken);
        foreach (var kind in Kinds)
        {
            if (policy.TargetOf(kind) is not { } target)
            {
                continue;
            }

            var clock = SlaClock.For(ticket.Id, kind, policy, calendarId, target);
            if (kind != SlaClockKind.NextUpdate)
            {
                clock.Start(Now, calendar);
            }

            db.Set<SlaClock>().Add(clock);
        }
    }

    public Task AgentRepliedAsync(Ticket ticket, TicketEntry reply, CancellationToken cancellationToken) =>
        WithClocksAsync(ticket, (clock, calendar) =>
        {
            if (clock.Kind is SlaClockKind.FirstResponse or SlaClockKind.NextUpdate)
            {
                clock.Stop(Now, calendar);
            }
        }, cancellationToken);

    public Task CustomerMessageAsync(Ticket ticket, TicketEntry message, CancellationToken cancellationToken) =>
        WithClocksAsync(ticket, (clock, calendar) =>
        {
            if (clock.Kind == SlaClockKind.NextUpdate && !ticket.IsDone)
            {
                clock.Start(Now, calendar);
                if (ticket.IsPending)
                {
                    clock.Pause(Now, calendar);
                }
            }
        }, cancellationToken);

    public Task StatusChangedAsync(Ticket ticket, TicketStatus from, CancellationToken cancellationToken) =>
        WithClocksAsync(ticket, (clock, calendar) =>
        {
            var now = Now;
            if (ticket.IsDone)
            {
                clock.Stop(now, calendar);
                return;
            }

            var reopened = from is TicketStatus.Resolved or TicketStatus.Closed;
            if (clock.State == SlaClockState.Paused || (reopened && clock.Kind == SlaClockKind.Resolution))
            {
                clock.Resume(now, calendar);
            }

            if (ticket.IsPending)
            {
                clock.Pause(now, calendar);
            }
        }, cancellationToken);

    private async Task WithClocksAsync(Ticket ticket, Action<SlaClock, BusinessCalendar> change, CancellationToken cancellationToken)
    {
        var clocks = await db.Set<SlaClock>().Where(c => c.TicketId == ticket.Id).ToListAsync(cancellationToken);
        foreach (var clock in clocks)
        {
            change(clock, await calendars.BusinessAsync(clock.CalendarId, cancellationToken));
        }
    }
}
