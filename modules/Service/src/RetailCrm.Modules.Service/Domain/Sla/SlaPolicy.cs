using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Sla;

/// <summary>
/// The targets a ticket is held to, in business minutes, for a ticket type, a priority and a customer tier; any of
/// the three left empty matches every value, and the most specific policy that matches wins.
/// </summary>
internal sealed class SlaPolicy : ITenantOwned
{
    public const int MaxNameLength = 80;

    private SlaPolicy()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public string Name { get; set; } = "";

    public string? TypeKey { get; set; }

    public TicketPriority? Priority { get; set; }

    public string? CustomerTier { get; set; }

    public int? FirstResponseMinutes { get; set; }

    public int? NextUpdateMinutes { get; set; }

    public int? ResolutionMinutes { get; set; }

    /// <summary>The business calendar; the tenant's default when null.</summary>
    public Guid? CalendarId { get; set; }

    /// <summary>The share of a target after which supervisors are warned, e.g. 80.</summary>
    public int WarningPercent { get; set; } = 80;

    /// <summary>At a breach the ticket goes to the least-busy available agent.</summary>
    public bool ReassignOnBreach { get; set; }

    /// <summary>How many of type, priority and tier the policy names; the highest that matches wins.</summary>
    public int Specificity => (TypeKey is null ? 0 : 4) + (CustomerTier is null ? 0 : 2) + (Priority is null ? 0 : 1);

    public static SlaPolicy Create(string name) => new() { Id = Guid.NewGuid(), Name = name };

    public bool Matches(string typeKey, TicketPriority priority, string? customerTier) =>
        (TypeKey is null || TypeKey == typeKey)
        && (Priority is null || Priority == priority)
        && (CustomerTier is null || string.Equals(CustomerTier, customerTier, StringComparison.OrdinalIgnoreCase));

    public int? TargetOf(SlaClockKind kind) => kind switch
    {
        SlaClockKind.FirstResponse => FirstResponseMinutes,
        SlaClockKind.NextUpdate => NextUpdateMinutes,
        _ => ResolutionMinutes,
    };
}
