using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Domain.Routing;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Application.Routing;

/// <summary>
/// Routes a new ticket that nobody was given: the first matching rule sets the team (when the ticket has none) and
/// the agent its strategy picks; the history shows the routing as the change of assignee. Runs before the ticket is
/// saved, so it sets the ticket's fields itself rather than going through the assignment use case.
/// </summary>
internal sealed class RoutingObserver(ServiceDbContext db, AgentPicker picker, TimeProvider time) : ITicketLifecycleObserver
{
    public const string RoutingUser = "routing";

    public async Task OpenedAsync(Ticket ticket, TicketEntry? firstMessage, CancellationToken cancellationToken)
    {
        if (ticket.AssigneeUserId is not null)
        {
            return;
        }

        var rules = await db.Set<RoutingRule>().AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.Order).ToListAsync(cancellationToken);
        var rule = rules.FirstOrDefault(r => r.Matches(ticket.Channel, ticket.TypeKey, ticket.CustomerTier, ticket.Subject));
        if (rule is null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (rule.TeamUnitId is { } team && ticket.TeamUnitId is null)
        {
            ticket.TeamUnitId = team;
            db.Set<TicketChange>().Add(TicketChange.Of(ticket.Id, "team", null, team.ToString(), null, RoutingUser, now));
        }

        if (await picker.PickAsync(rule.Strategy, ticket.TeamUnitId, null, cancellationToken) is { } agent)
        {
            ticket.AssigneeUserId = agent.Id;
            db.Set<TicketChange>().Add(TicketChange.Of(ticket.Id, "assignee", null, agent.Id.ToString(), null, RoutingUser, now));
        }
    }
}
