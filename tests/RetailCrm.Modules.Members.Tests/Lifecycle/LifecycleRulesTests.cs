using RetailCrm.Modules.Members.Application.Lifecycle;
using RetailCrm.Modules.Members.Contracts;

namespace RetailCrm.Modules.Members.Tests.Lifecycle;

public sealed class LifecycleRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private static readonly LifecycleRules Rules = new(new LifecycleThresholds(DormantAfterDays: 90, RepeatAfterPurchases: 2, LoyalAfterPurchases: 5, LoyalMinimumTotal: 10_000), Now);

    private static PurchaseStats Bought(int count, long total, int daysAgo = 1) => new(count, total, Now.AddDays(-daysAgo));

    [Fact]
    public void Should_move_a_prospect_through_first_time_repeat_and_loyal()
    {
        var current = LifecycleClass.QualifiedProspect;
        var path = new List<LifecycleClass>();
        foreach (var stats in new[] { Bought(1, 2_000), Bought(2, 4_000), Bought(4, 8_000), Bought(5, 10_000) })
        {
            current = Rules.Evaluate(current, stats).Class;
            path.Add(current);
        }

        path.ShouldBe([LifecycleClass.FirstTimeBuyer, LifecycleClass.RepeatBuyer, LifecycleClass.RepeatBuyer, LifecycleClass.Loyal]);
    }

    [Fact]
    public void Should_need_both_count_and_total_for_loyal() =>
        Rules.Evaluate(LifecycleClass.RepeatBuyer, Bought(20, 9_999)).Class.ShouldBe(LifecycleClass.RepeatBuyer);

    [Theory]
    [InlineData(90, LifecycleClass.Loyal)]
    [InlineData(91, LifecycleClass.Dormant)]
    public void Should_make_customers_dormant_after_the_days_without_purchase(int daysAgo, LifecycleClass expected) =>
        Rules.Evaluate(LifecycleClass.Loyal, Bought(5, 10_000, daysAgo)).Class.ShouldBe(expected);

    [Fact]
    public void Should_name_the_rule_in_the_reason()
    {
        Rules.Evaluate(LifecycleClass.Loyal, Bought(5, 10_000, 200)).Reason.ShouldContain("members.lifecycle.dormant-after-days");
        Rules.Evaluate(LifecycleClass.FirstTimeBuyer, Bought(2, 10)).Reason.ShouldContain("members.lifecycle.repeat-after-purchases");
        Rules.Evaluate(LifecycleClass.RepeatBuyer, Bought(5, 10_000)).Reason.ShouldContain("members.lifecycle.loyal-after-purchases");
    }

    [Fact]
    public void Should_follow_the_clock_it_is_given()
    {
        var stats = Bought(1, 100, daysAgo: 30);
        Rules.Evaluate(LifecycleClass.FirstTimeBuyer, stats).Class.ShouldBe(LifecycleClass.FirstTimeBuyer);
        new LifecycleRules(Rules.Thresholds, Now.AddDays(61)).Evaluate(LifecycleClass.FirstTimeBuyer, stats).Class.ShouldBe(LifecycleClass.Dormant);
    }

    [Fact]
    public void Should_never_demote_an_advocate_except_to_dormant()
    {
        Rules.Evaluate(LifecycleClass.Advocate, Bought(1, 100)).Class.ShouldBe(LifecycleClass.Advocate);
        Rules.Evaluate(LifecycleClass.Advocate, Bought(9, 90_000)).Class.ShouldBe(LifecycleClass.Advocate);
        Rules.Evaluate(LifecycleClass.Advocate, Bought(9, 90_000, daysAgo: 100)).Class.ShouldBe(LifecycleClass.Dormant);
    }

    [Theory]
    [InlineData(LifecycleClass.NonCustomer)]
    [InlineData(LifecycleClass.QualifiedProspect)]
    [InlineData(LifecycleClass.PossibleBuyer)]
    [InlineData(LifecycleClass.Advocate)]
    public void Should_leave_customers_without_purchases_in_the_class_given_by_hand(LifecycleClass given) =>
        Rules.Evaluate(given, new PurchaseStats(0, 0, null)).Class.ShouldBe(given);

    [Fact]
    public void Should_bring_a_dormant_customer_back_when_he_buys_again() =>
        Rules.Evaluate(LifecycleClass.Dormant, Bought(3, 500)).Class.ShouldBe(LifecycleClass.RepeatBuyer);
}
