using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Routing;

/// <summary>How a routing rule picks the agent.</summary>
internal enum RoutingStrategy
{
    /// <summary>No agent: the ticket goes to the team's queue.</summary>
    None,

    /// <summary>The available agent who got a ticket longest ago.</summary>
    RoundRobin,

    /// <summary>The available agent with the fewest tickets still open.</summary>
    LeastBusy,
}

/// <summary>
/// A tenant's rule for new tickets without an assignee: when channel, type, customer tier and words of the subject
/// match (an empty condition matches all), the ticket goes to the rule's team and/or an agent the strategy picks.
/// Rules are tried by <see cref="Order"/>; the first that matches decides.
/// </summary>
internal sealed class RoutingRule : ITenantOwned
{
    public const int MaxNameLength = 80;
    public const int MaxWordsLength = 400;

    private RoutingRule()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public int Order { get; set; }

    public string Name { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public TicketChannel? Channel { get; set; }

    public string? TypeKey { get; set; }

    public string? CustomerTier { get; set; }

    /// <summary>Lower-case words, comma-separated; any one of them in the subject matches.</summary>
    public string SubjectWords { get; set; } = "";

    /// <summary>The team (an organization unit); the agent is picked among its members when set.</summary>
    public Guid? TeamUnitId { get; set; }

    public RoutingStrategy Strategy { get; set; }

    public static RoutingRule Create(string name, int order) => new() { Id = Guid.NewGuid(), Name = name, Order = order };

    public IReadOnlyList<string> Words => SubjectWords.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool Matches(TicketChannel channel, string typeKey, string? customerTier, string subject) =>
        IsActive
        && (Channel is null || Channel == channel)
        && (TypeKey is null || TypeKey == typeKey)
        && (CustomerTier is null || string.Equals(CustomerTier, customerTier, StringComparison.OrdinalIgnoreCase))
        && (Words.Count == 0 || Words.Any(w => subject.Contains(w, StringComparison.OrdinalIgnoreCase)));
}
