using RetailCrm.Sdk.Events;

namespace RetailCrm.Modules.Service.Contracts.Events;

/// <summary>A ticket was opened, from any channel.</summary>
/// <param name="TicketId">The ticket's id.</param>
/// <param name="Number">The ticket's number within the tenant.</param>
/// <param name="TypeKey">The ticket type, e.g. <c>complaint</c>.</param>
/// <param name="Channel">How it came in.</param>
/// <param name="CustomerId">The customer it belongs to; null for an unknown contact.</param>
[IntegrationEvent("service.ticket-opened")]
public sealed record TicketOpenedIntegrationEvent(Guid TicketId, long Number, string TypeKey, TicketChannel Channel, Guid? CustomerId);

/// <summary>A ticket was resolved.</summary>
/// <param name="TicketId">The ticket's id.</param>
/// <param name="Number">The ticket's number within the tenant.</param>
/// <param name="CustomerId">The customer it belongs to; null for an unknown contact.</param>
/// <param name="ResolvedAt">When (UTC).</param>
[IntegrationEvent("service.ticket-resolved")]
public sealed record TicketResolvedIntegrationEvent(Guid TicketId, long Number, Guid? CustomerId, DateTime ResolvedAt);

/// <summary>A complaint (投诉) was registered: a ticket of the complaint type was opened.</summary>
/// <param name="TicketId">The ticket's id.</param>
/// <param name="Number">The ticket's number within the tenant.</param>
/// <param name="CustomerId">The customer who complained; null for an unknown contact.</param>
/// <param name="Subject">What it is about.</param>
[IntegrationEvent("service.complaint-registered")]
public sealed record ComplaintRegisteredIntegrationEvent(Guid TicketId, long Number, Guid? CustomerId, string Subject);

/// <summary>A customer answered the satisfaction survey of a resolved ticket.</summary>
/// <param name="TicketId">The ticket's id.</param>
/// <param name="CustomerId">The customer; null for an unknown contact.</param>
/// <param name="Score">1 (very unhappy) to 5 (very happy).</param>
/// <param name="Comment">What the customer wrote; null for nothing.</param>
[IntegrationEvent("service.csat-received")]
public sealed record CsatReceivedIntegrationEvent(Guid TicketId, Guid? CustomerId, int Score, string? Comment);
