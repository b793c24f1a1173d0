using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Routing;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Application.Routing;

/// <summary>
/// Picks an agent for a ticket among the available ones (users who may work tickets and have not marked themselves
/// away), of a team when one is given: round-robin gives it to whom routing served longest ago, least-busy to whom
/// holds the fewest tickets not yet resolved. Records the pick for the next round.
/// </summary>
internal sealed class AgentPicker(ServiceDbContext db, IUserDirectory users, TimeProvider time)
{
    private static readonly TicketStatus[] Working = [TicketStatus.New, TicketStatus.Open, TicketStatus.PendingCustomer, TicketStatus.PendingThirdParty];

    public async Task<UserInfo?> PickAsync(RoutingStrategy strategy, Guid? teamUnitId, Guid? except, CancellationToken cancellationToken)
    {
        if (strategy == RoutingStrategy.None)
        {
            return null;
        }

        var agents = (await users.WithPermissionAsync(ServicePermissions.TicketsWork, cancellationToken))
            .Where(a => a.Id != except && (teamUnitId is null || a.OrganizationUnitId == teamUnitId))
            .ToList();
        var ids = agents.Select(a => a.Id).ToList();
        var availability = await db.Set<AgentAvailability>().Where(a => ids.Contains(a.UserId)).ToDictionaryAsync(a => a.UserId, cancellationToken);
        var available = agents.Where(a => !availability.TryGetValue(a.Id, out var row) || row.IsAvailable).ToList();
        if (available.Count == 0)
        {
            return null;
        }

        var load = strategy == RoutingStrategy.LeastBusy ? await LoadAsync(ids, cancellationToken) : [];
        var picked = available
            .OrderBy(a => load.GetValueOrDefault(a.Id))
            .ThenBy(a => availability.GetValueOrDefault(a.Id)?.LastAssignedAt ?? DateTime.MinValue)
            .ThenBy(a => a.DisplayName, StringComparer.Ordinal)
            .First();
        var now = time.GetUtcNow().UtcDateTime;
        if (!availability.TryGetValue(picked.Id, out var picks))
        {
            picks = AgentAvailability.For(picked.Id, now);
            db.Set<AgentAvailability>().Add(picks);
        }

        picks.LastAssignedAt = now;
        return picked;
    }

    private async Task<Dictionary<Guid, int>> LoadAsync(List<Guid> agentIds, CancellationToken cancellationToken)
    {
        var counts = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.AssigneeUserId != null && agentIds.Contains(t.AssigneeUserId.Value) && Working.Contains(t.Status))
            .GroupBy(t => t.AssigneeUserId!.Value)
            .Select(g => new { Agent = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Agent, c => c.Count);
    }
}
