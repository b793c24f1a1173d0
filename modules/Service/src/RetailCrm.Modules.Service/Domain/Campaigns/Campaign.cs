using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Campaigns;

/// <summary>How an outbound call went.</summary>
internal enum CallOutcome
{
    Reached,
    NoAnswer,

    /// <summary>The customer asked to be called again: the call stays to do.</summary>
    CallBack,
    WrongNumber,
    Refused,
}

/// <summary>An outbound call list: the customers a filter found, split among agents.</summary>
internal sealed class Campaign : ITenantOwned
{
    public const int MaxNameLength = 120;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The filter's search term (as the customer list searches), tier and lifecycle class, kept to show how the list was made.</summary>
    public string? Term { get; set; }

    public string? Tier { get; set; }

    public LifecycleClass? LifecycleClass { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid? CreatedByUserId { get; set; }
}

/// <summary>One customer of a campaign to call, given to one agent.</summary>
internal sealed class CampaignCall : ITenantOwned
{
    public const int MaxNoteLength = 1_000;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CampaignId { get; set; }

    public Guid CustomerId { get; set; }

    public string CustomerName { get; set; } = "";

    public string Phone { get; set; } = "";

    public Guid AgentUserId { get; set; }

    public CallOutcome? Outcome { get; set; }

    public string? Note { get; set; }

    public DateTime? CalledAt { get; set; }

    /// <summary>Whether nothing is left to do: an outcome other than "call back".</summary>
    public bool IsDone => Outcome is { } outcome && outcome != CallOutcome.CallBack;
}
