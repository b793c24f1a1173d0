using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.FollowUps;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Application.FollowUps;

/// <summary>
/// Closing a ticket of a type with follow-up days schedules its follow-up visit; re-opening it before the visit is
/// due cancels the visit. Both are written in the ticket's own transaction. A follow-up ticket opened by
/// <see cref="FollowUpOpener"/> is stamped here with the ticket it follows up.
/// </summary>
internal sealed class FollowUpObserver(ServiceDbContext db, FollowUpInProgress inProgress, TimeProvider time) : ITicketLifecycleObserver
{
    public Task OpenedAsync(Ticket ticket, TicketEntry? firstMessage, CancellationToken cancellationToken)
    {
        if (inProgress.Current is { } followUp)
        {
            ticket.FollowsUpId = followUp.TicketId;
            followUp.Opened(ticket.Id);
        }

        return Task.CompletedTask;
    }

    public async Task StatusChangedAsync(Ticket ticket, TicketStatus from, CancellationToken cancellationToken)
    {
        if (ticket.Status == TicketStatus.Closed && !ticket.IsMerged)
        {
            await ScheduleAsync(ticket, cancellationToken);
        }
        else if (from == TicketStatus.Closed && ticket.Status != TicketStatus.Closed)
        {
            await db.Set<FollowUp>().Where(f => f.TicketId == ticket.Id && f.Status == FollowUpStatus.Scheduled)
                .ForEachAsync(f => f.Cancel(), cancellationToken);
        }
    }

    private async Task ScheduleAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var days = await db.Set<TicketType>().AsNoTracking().Where(t => t.Key == ticket.TypeKey).Select(t => t.FollowUpAfterDays).FirstOrDefaultAsync(cancellationToken);
        if (days is not > 0 || await db.Set<FollowUp>().AnyAsync(f => f.TicketId == ticket.Id && f.Status == FollowUpStatus.Scheduled, cancellationToken))
        {
            return;
        }

        db.Set<FollowUp>().Add(FollowUp.Schedule(ticket.Id, ticket.AssigneeUserId, time.GetUtcNow().UtcDateTime, days.Value));
    }
}

/// <summary>The follow-up whose ticket is being opened in this scope, for <see cref="FollowUpObserver.OpenedAsync"/>.</summary>
internal sealed class FollowUpInProgress
{
    public FollowUp? Current { get; set; }
}
