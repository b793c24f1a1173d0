using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Contracts;

/// <summary>A ticket as a module that keeps its own facts (analysis) reads it.</summary>
/// <param name="TicketId">The ticket's id.</param>
/// <param name="Number">Its number within the tenant.</param>
/// <param name="TypeKey">The ticket type, e.g. <c>complaint</c>.</param>
/// <param name="Channel">How it came in.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="CustomerId">The customer; null for an unknown contact.</param>
/// <param name="OpenedAt">When it was opened (UTC).</param>
/// <param name="ResolvedAt">When it was resolved, or closed without being resolved (UTC); null while it is not done (a re-opened ticket clears it).</param>
/// <param name="CsatScore">The satisfaction answer, 1 to 5; null when none came.</param>
/// <param name="CsatAt">When the answer came (UTC).</param>
public sealed record TicketRecord(
    Guid TicketId,
    long Number,
    string TypeKey,
    TicketChannel Channel,
    TicketStatus Status,
    Guid? CustomerId,
    DateTime OpenedAt,
    DateTime? ResolvedAt,
    int? CsatScore,
    DateTime? CsatAt);

/// <summary>
/// Every ticket of the current tenant in pages, ordered by id, for a module that rebuilds its own facts; not limited to a
/// user's data scope. A ticket merged into another is among them, closed (and resolved) when it was merged.
/// </summary>
public interface ITicketFeed
{
    /// <summary>The ticket type key of complaints (投诉).</summary>
    public const string ComplaintType = "complaint";

    /// <summary>At most <paramref name="pageSize"/> tickets with an id after <paramref name="after"/> (null: from the first).</summary>
    Task<IReadOnlyList<TicketRecord>> ReadTicketsAsync(Guid? after, int pageSize, CancellationToken cancellationToken = default);
}

/// <summary>A call list another module makes from customers it chose (an analysis segment).</summary>
/// <param name="Name">The list's name.</param>
/// <param name="CustomerIds">The customers to call; those without a phone, and those the members module does not find, are left out.</param>
/// <param name="AgentUserIds">The agents the calls are split among, in turn.</param>
public sealed record NewCallList(string? Name, IReadOnlyList<Guid> CustomerIds, IReadOnlyList<Guid>? AgentUserIds);

/// <summary>The made list: its id and how many calls it holds.</summary>
/// <param name="CampaignId">The call list (campaign) of the service module.</param>
/// <param name="Calls">How many customers it calls.</param>
/// <param name="WithoutPhone">How many chosen customers were left out for having no phone (customers not found are in neither count).</param>
public sealed record CallListMade(Guid CampaignId, int Calls, int WithoutPhone);

/// <summary>Makes outbound call lists (外呼) of the service module for other modules.</summary>
public interface IOutboundCallLists
{
    /// <summary>The most customers one list takes from another module.</summary>
    public const int MaxCustomers = 5_000;

    /// <summary>
    /// The new list, or the refusal with the fields at fault: <c>name</c> (empty or longer than 120 characters),
    /// <c>agentUserIds</c> (none, or not active users of the tenant), <c>customerIds</c> (none with a phone, or more than
    /// <see cref="MaxCustomers"/>). Each customer is looked up one by one through the members module's
    /// <c>ICustomerLookup.FindAsync</c>; the list shows on the service module's call list pages like one made from a filter.
    /// </summary>
    Task<Result<CallListMade>> CreateAsync(NewCallList list, CancellationToken cancellationToken = default);
}
