using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Application.Reports;
using RetailCrm.Modules.Service.Domain.Sla;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Application.Sla;

/// <summary>The reports' SLA outcomes from the tickets' clocks: met when stopped in time, missed when breached or overdue.</summary>
internal sealed class SlaClockFigures(ServiceDbContext db) : ISlaFigures
{
    public async Task<IReadOnlyDictionary<Guid, SlaOutcome>> OutcomesAsync(IReadOnlyCollection<Guid> ticketIds, DateTime now, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<Guid, SlaOutcome>();
        foreach (var chunk in ticketIds.Chunk(500))
        {
            var clocks = await db.Set<SlaClock>().AsNoTracking()
                .Where(c => chunk.Contains(c.TicketId) && (c.Kind == SlaClockKind.FirstResponse || c.Kind == SlaClockKind.Resolution))
                .Select(c => new { c.TicketId, c.Kind, c.State, c.DueAt, c.BreachedAt, c.StoppedAt })
                .ToListAsync(cancellationToken);
            foreach (var ticket in clocks.GroupBy(c => c.TicketId))
            {
                bool? Met(SlaClockKind kind) => ticket.FirstOrDefault(c => c.Kind == kind) is not { } clock ? null
                    : clock.BreachedAt is not null || clock.DueAt <= (clock.State == SlaClockState.Stopped ? clock.StoppedAt : now) ? false
                    : clock.State == SlaClockState.Stopped ? true
                    : null;
                outcomes[ticket.Key] = new SlaOutcome(Met(SlaClockKind.FirstResponse), Met(SlaClockKind.Resolution));
            }
        }

        return outcomes;
    }
}
