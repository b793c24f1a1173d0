using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Tickets;

namespace RetailCrm.Modules.Service.Application.Tickets;

/// <summary>
/// Follows what happens to tickets: routing, SLA clocks, outgoing mail, surveys and follow-up visits hook in here.
/// <see cref="TicketService"/> calls every registered observer in the same scope, before its SaveChanges, so what an
/// observer adds to the <c>ServiceDbContext</c> (or publishes, or puts into the outgoing messages) is written in
/// the same transaction as the change itself, or not at all. Register with
/// <c>services.AddScoped&lt;ITicketLifecycleObserver, MyObserver&gt;()</c>; implement only what you follow.
/// </summary>
internal interface ITicketLifecycleObserver
{
    /// <summary>A ticket was opened; <paramref name="firstMessage"/> is what the customer wrote or said, if anything.</summary>
    Task OpenedAsync(Ticket ticket, TicketEntry? firstMessage, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The ticket moved from <paramref name="from"/> to its current status.</summary>
    Task StatusChangedAsync(Ticket ticket, TicketStatus from, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An agent replied to the customer (the reply is to be sent on the ticket's channel).</summary>
    Task AgentRepliedAsync(Ticket ticket, TicketEntry reply, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The customer wrote again (an e-mail, an SMS) on an existing ticket.</summary>
    Task CustomerMessageAsync(Ticket ticket, TicketEntry message, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The agent or team changed; the previous ones are given.</summary>
    Task AssignedAsync(Ticket ticket, Guid? previousAgent, Guid? previousTeam, CancellationToken cancellationToken) => Task.CompletedTask;
}
