using RetailCrm.Modules.Analysis.Contracts;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Analysis.Domain.Results;

// What a recompute writes back to the module's relational tables, so that every host instance reads the same
// results. A recompute replaces them all in one transaction: a failed one leaves the previous results in place.

/// <summary>A customer as the last recompute saw it: RFM scores and segment now and in the previous window, problem score and its reasons.</summary>
[NotAudited]
internal sealed class CustomerScore : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid CustomerId { get; set; }

    public string Code { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Tier { get; set; }

    public LifecycleClass LifecycleClass { get; set; }

    public Guid? OwnerUserId { get; set; }

    public Guid? UnitId { get; set; }

    public bool MarketingConsent { get; set; }

    public DateTime? LastPurchaseAt { get; set; }

    /// <summary>Purchases in the current window.</summary>
    public int Frequency { get; set; }

    /// <summary>Spending in the current window, minor units (returns deducted).</summary>
    public long Monetary { get; set; }

    /// <summary>Spending in the previous window of the same length.</summary>
    public long PreviousMonetary { get; set; }

    /// <summary>Scores 1–5; null when the customer bought nothing in the window.</summary>
    public int? R { get; set; }

    public int? F { get; set; }

    public int? M { get; set; }

    public int? Fm { get; set; }

    /// <summary>The weighted RFM score (1–5).</summary>
    public decimal? Score { get; set; }

    public RfmSegment? Segment { get; set; }

    public RfmSegment? PreviousSegment { get; set; }

    /// <summary>0–100: complaints, low satisfaction, falling spend, returns and dormancy.</summary>
    public int ProblemScore { get; set; }

    /// <summary>The reasons of the problem score, comma-separated keys of <see cref="ProblemReason"/>.</summary>
    public string ProblemReasons { get; set; } = "";

    public int Complaints { get; set; }

    public int LowCsat { get; set; }

    public int Returns { get; set; }

    /// <summary>The customer's place by spending in the window, 1 for the most; 0 for none.</summary>
    public int RevenueRank { get; set; }
}

/// <summary>Why a customer scores as a problem customer.</summary>
internal enum ProblemReason
{
    Complaints,
    LowSatisfaction,
    FallingSpend,
    Returns,
    Dormant,
}

/// <summary>One cell of the migration matrix per organization unit: customers in segment <see cref="From"/> before, in <see cref="To"/> now.</summary>
[NotAudited]
internal sealed class SegmentCell : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid? UnitId { get; set; }

    /// <summary>The segment in the previous window; null: bought nothing then.</summary>
    public RfmSegment? From { get; set; }

    /// <summary>The segment now; null: bought nothing in the current window.</summary>
    public RfmSegment? To { get; set; }

    public int Customers { get; set; }

    public long Revenue { get; set; }

    public long PreviousRevenue { get; set; }
}

/// <summary>One point of the tenant's Pareto curve: the top <see cref="Percent"/> % of customers bring <see cref="RevenueShare"/> % of revenue.</summary>
[NotAudited]
internal sealed class ParetoPoint : ITenantOwned
{
    public Guid TenantId { get; set; }

    public int Percent { get; set; }

    public decimal RevenueShare { get; set; }
}

/// <summary>What a consumption figure is broken down by.</summary>
internal enum ConsumptionDimension
{
    Store,
    Tier,
    LifecycleClass,
    CardProduct,
}

/// <summary>Purchases, distinct customers and revenue of one key of a dimension in one month, per organization unit of the customers.</summary>
[NotAudited]
internal sealed class ConsumptionCell : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public ConsumptionDimension Dimension { get; set; }

    public string Key { get; set; } = "";

    public DateOnly Month { get; set; }

    public Guid? UnitId { get; set; }

    public int Purchases { get; set; }

    public int Customers { get; set; }

    public long Revenue { get; set; }
}
