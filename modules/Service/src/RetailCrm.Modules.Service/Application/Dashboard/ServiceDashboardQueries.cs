using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Surveys;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Application.Dashboard;

/// <summary>The queue's counts for the supervisor's widget; "unanswered" is a ticket no agent has replied to yet.</summary>
internal sealed record QueueCounts(int Open, int Unassigned, int Pending, TicketRow? OldestUnanswered);

/// <summary>The home page's figures, each one small query within the user's data scope.</summary>
internal sealed class ServiceDashboardQueries(ServiceDbContext db, TicketQueries tickets, ICurrentUser user)
{
    public async Task<QueueCounts> QueueAsync(CancellationToken cancellationToken)
    {
        var open = (await tickets.VisibleAsync(cancellationToken))
            .Where(t => t.MergedIntoId == null && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed);
        var oldest = await open.Where(t => t.FirstResponseAt == null).OrderBy(t => t.OpenedAt)
            .Select(t => new TicketRow(t.Id, t.Number, t.Subject, t.TypeKey, t.Status, t.Priority, t.Channel, t.CustomerId, t.ContactName, t.AssigneeUserId, t.TeamUnitId, t.OpenedAt, t.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken);
        return new QueueCounts(
            await open.CountAsync(cancellationToken),
            await open.CountAsync(t => t.AssigneeUserId == null, cancellationToken),
            await open.CountAsync(t => t.Status == TicketStatus.PendingCustomer || t.Status == TicketStatus.PendingThirdParty, cancellationToken),
            oldest);
    }

    /// <summary>The current user's open tickets, oldest change first, and how many there are.</summary>
    public async Task<(IReadOnlyList<TicketRow> Items, int Total)> MineAsync(int max, CancellationToken cancellationToken)
    {
        var rows = await tickets.QueueAsync(new QueueQuery { View = QueueView.Mine, PageSize = 200 }, cancellationToken);
        return ([.. rows.Items.OrderBy(r => r.UpdatedAt).Take(max)], rows.Total);
    }

    /// <summary>The average score and the number of answers since <paramref name="since"/>.</summary>
    public async Task<(double? Average, int Answers)> CsatSinceAsync(DateTime since, CancellationToken cancellationToken)
    {
        var scores = await db.Set<Survey>().AsNoTracking().Where(s => s.AnsweredAt >= since && s.Score != null).Select(s => s.Score!.Value).ToListAsync(cancellationToken);
        return (scores.Count == 0 ? null : Math.Round(scores.Average(), 2), scores.Count);
    }

    public Guid? UserId => user.Id;
}
