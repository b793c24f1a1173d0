using RetailCrm.Modules.Members.Contracts;

namespace RetailCrm.Modules.Members.Application.Lifecycle;

/// <summary>The tenant's lifecycle thresholds (settings <c>members.lifecycle.*</c>).</summary>
internal sealed record LifecycleThresholds(int DormantAfterDays, int RepeatAfterPurchases, int LoyalAfterPurchases, long LoyalMinimumTotal)
{
    public static readonly LifecycleThresholds Defaults = new(365, 2, 10, 500_000);
}

/// <summary>What the rules look at: a customer's purchase statistics.</summary>
internal readonly record struct PurchaseStats(int Count, long Total, DateTime? LastPurchaseAt);

/// <summary>The class the rules give a customer and the rule that gave it.</summary>
internal sealed record LifecycleVerdict(LifecycleClass Class, string Reason);

/// <summary>
/// Computes a customer's lifecycle class (客户分类) from its purchase statistics at a moment.
/// Customers without purchases keep the class they were given (non-customer, qualified prospect,
/// possible buyer, advocate). With purchases: dormant after <see cref="LifecycleThresholds.DormantAfterDays"/>
/// days without one, else loyal, repeat or first-time buyer by count (and total for loyal).
/// An advocate (set by hand) is never demoted by the rules, except to dormant.
/// </summary>
internal sealed class LifecycleRules(LifecycleThresholds thresholds, DateTime nowUtc)
{
    public const string FirstPurchaseRule = "members.lifecycle.first-purchase";

    public LifecycleThresholds Thresholds { get; } = thresholds;

    public DateTime NowUtc { get; } = nowUtc;

    /// <summary>The class the customer should have and why; the same class as <paramref name="current"/> when nothing changes.</summary>
    public LifecycleVerdict Evaluate(LifecycleClass current, PurchaseStats stats)
    {
        if (stats.Count <= 0 || stats.LastPurchaseAt is not { } last)
        {
            return new LifecycleVerdict(current, "no purchases");
        }

        var idle = NowUtc - DateTime.SpecifyKind(last, DateTimeKind.Utc);
        if (idle > TimeSpan.FromDays(Math.Max(0, Thresholds.DormantAfterDays)))
        {
            return new LifecycleVerdict(LifecycleClass.Dormant,
                $"{MembersSettings.DormantAfterDays}: no purchase for {(int)idle.TotalDays} days (dormant after {Thresholds.DormantAfterDays})");
        }

        if (current == LifecycleClass.Advocate)
        {
            return new LifecycleVerdict(current, "advocates are kept");
        }

        var loyalCount = Math.Max(1, Thresholds.LoyalAfterPurchases);
        if (stats.Count >= loyalCount && stats.Total >= Thresholds.LoyalMinimumTotal)
        {
            return new LifecycleVerdict(LifecycleClass.Loyal,
                $"{MembersSettings.LoyalAfterPurchases}: {stats.Count} purchases (from {loyalCount}) totalling {stats.Total} (from {Thresholds.LoyalMinimumTotal})");
        }

        var repeatCount = Math.Max(1, Thresholds.RepeatAfterPurchases);
        if (stats.Count >= repeatCount)
        {
            return new LifecycleVerdict(LifecycleClass.RepeatBuyer,
                $"{MembersSettings.RepeatAfterPurchases}: {stats.Count} purchases (from {repeatCount})");
        }

        return new LifecycleVerdict(LifecycleClass.FirstTimeBuyer, $"{FirstPurchaseRule}: {stats.Count} purchase");
    }
}
