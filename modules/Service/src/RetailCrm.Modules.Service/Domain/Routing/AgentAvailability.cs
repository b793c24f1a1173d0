using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Routing;

/// <summary>
/// Whether an agent takes new tickets (an agent without a row is available) and when routing last gave them one,
/// which round-robin goes by.
/// </summary>
internal sealed class AgentAvailability : ITenantOwned
{
    private AgentAvailability()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid UserId { get; private set; }

    public bool IsAvailable { get; set; } = true;

    public DateTime ChangedAt { get; set; }

    public DateTime? LastAssignedAt { get; set; }

    public static AgentAvailability For(Guid userId, DateTime now) => new() { Id = Guid.NewGuid(), UserId = userId, ChangedAt = now };
}
