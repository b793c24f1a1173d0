using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Surveys;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Application.Tickets;

/// <summary>
/// The tenant's tickets in id order for a module that keeps its own facts, each with the answer of its satisfaction
/// survey (at most one per ticket). Keyset pages: the next page starts after the last id of the one before. The database
/// compares and orders the ids (text on SQLite, uuid on PostgreSQL), the same way for the comparison and the sort.
/// </summary>
internal sealed class TicketFeed(ServiceDbContext db) : ITicketFeed
{
    /// <summary>The most rows one page answers, whatever the caller asks for.</summary>
    public const int MaxPageSize = 10_000;

    public async Task<IReadOnlyList<TicketRecord>> ReadTicketsAsync(Guid? after, int pageSize, CancellationToken cancellationToken = default) =>
        await (
                from t in db.Set<Ticket>().AsNoTracking().Where(t => after == null || t.Id.CompareTo(after.Value) > 0)
                join answer in db.Set<Survey>().Where(s => s.AnsweredAt != null) on t.Id equals answer.TicketId into answers
                from s in answers.DefaultIfEmpty()
                orderby t.Id
                select new { Ticket = t, Score = s != null ? s.Score : null, AnsweredAt = s != null ? s.AnsweredAt : null })
            .Take(Math.Clamp(pageSize, 1, MaxPageSize))
            .Select(x => new TicketRecord(x.Ticket.Id, x.Ticket.Number, x.Ticket.TypeKey, x.Ticket.Channel, x.Ticket.Status, x.Ticket.CustomerId,
                x.Ticket.OpenedAt, x.Ticket.ResolvedAt, x.Score, x.AnsweredAt))
            .ToListAsync(cancellationToken);
}
