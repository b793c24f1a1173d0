using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Jobs;
using static RetailCrm.Modules.Members.Tests.Purchases.PurchaseTestKit;

namespace RetailCrm.Modules.Members.Tests.Lifecycle;

/// <summary>Runs on SQLite and on PostgreSQL.</summary>
public abstract class LifecycleApiTests(CrmHostFactory factory)
{
    private readonly CrmHostFactory _factory = factory;

    private static async Task<string> ClassOfAsync(HttpClient client, JsonElement customer) =>
        (await GetCustomerAsync(client, customer)).GetProperty("lifecycleClass").GetString()!;

    private static async Task<JsonElement[]> HistoryAsync(HttpClient client, JsonElement customer) =>
        (await client.GetFromJsonAsync<JsonElement[]>($"/api/members/customers/{customer.GetProperty("id").GetGuid()}/lifecycle-history"))!;

    [Fact]
    public async Task Should_move_a_customer_from_prospect_to_first_time_repeat_and_loyal_as_purchases_come()
    {
        var (tenant, client) = await TenantAsync(_factory, "life");
        await SetSettingAsync(client, "members.lifecycle.repeat-after-purchases", "2");
        await SetSettingAsync(client, "members.lifecycle.loyal-after-purchases", "3");
        await SetSettingAsync(client, "members.lifecycle.loyal-minimum-total", "30000");
        var customer = await CustomerAsync(client, "钱多多");
        (await ClassOfAsync(client, customer)).ShouldBe("QualifiedProspect");

        var classes = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            await RecordAsync(client, Receipt(customer, $"L-{i}", 10_000, DateTime.UtcNow.AddDays(-4 + i)));
            classes.Add(await ClassOfAsync(client, customer));
        }

        classes.ShouldBe(["FirstTimeBuyer", "RepeatBuyer", "Loyal"]);
        var history = await HistoryAsync(client, customer);
        history.Select(h => $"{h.GetProperty("from").GetString()}>{h.GetProperty("to").GetString()}")
            .ShouldBe(["RepeatBuyer>Loyal", "FirstTimeBuyer>RepeatBuyer", "QualifiedProspect>FirstTimeBuyer"]);
        history[0].GetProperty("reason").GetString()!.ShouldContain("members.lifecycle.loyal-after-purchases");
        history[1].GetProperty("reason").GetString()!.ShouldContain("members.lifecycle.repeat-after-purchases");
        var events = await OutboxAsync(_factory, tenant, "members.lifecycle-changed");
        events.Count.ShouldBe(3);
        events.ShouldContain(e => e.Contains("\"to\":\"Loyal\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_make_customers_dormant_in_the_daily_job()
    {
        var (tenant, client) = await TenantAsync(_factory, "dormant");
        var customer = await CustomerAsync(client, "孔明");
        var active = await CustomerAsync(client, "刘备");
        await RecordAsync(client, Receipt(customer, "D-1", 1_000, DateTime.UtcNow.AddDays(-40)));
        await RecordAsync(client, Receipt(active, "D-2", 1_000, DateTime.UtcNow.AddDays(-1)));
        (await ClassOfAsync(client, customer)).ShouldBe("FirstTimeBuyer");

        await SetSettingAsync(client, "members.lifecycle.dormant-after-days", "30");
        await _factory.InTenantAsync(tenant, async services =>
        {
            var job = services.GetServices<ICrmJob>().Single(j => j.Name == "members.lifecycle");
            job.Interval.ShouldBe(TimeSpan.FromDays(1));
            await job.ExecuteAsync(services, CancellationToken.None);
            return true;
        });

        (await ClassOfAsync(client, customer)).ShouldBe("Dormant");
        (await ClassOfAsync(client, active)).ShouldBe("FirstTimeBuyer");
        (await HistoryAsync(client, customer))[0].GetProperty("reason").GetString()!.ShouldContain("members.lifecycle.dormant-after-days");

        // A new purchase wakes the customer up again.
        await RecordAsync(client, Receipt(customer, "D-3", 1_000));
        (await ClassOfAsync(client, customer)).ShouldBe("RepeatBuyer");
    }

    [Fact]
    public async Task Should_recompute_on_demand_with_the_current_rules()
    {
        var (_, client) = await TenantAsync(_factory, "recompute");
        var customer = await CustomerAsync(client, "张飞");
        await RecordAsync(client, Receipt(customer, "C-1", 1_000, DateTime.UtcNow.AddDays(-2)));
        await RecordAsync(client, Receipt(customer, "C-2", 1_000, DateTime.UtcNow.AddDays(-1)));
        (await ClassOfAsync(client, customer)).ShouldBe("RepeatBuyer");

        await SetSettingAsync(client, "members.lifecycle.repeat-after-purchases", "3");
        var response = await client.PostAsync("/api/members/lifecycle/recompute", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("evaluated").GetInt32().ShouldBe(1);
        result.GetProperty("changed").GetInt32().ShouldBe(1);
        (await ClassOfAsync(client, customer)).ShouldBe("FirstTimeBuyer");
    }

    [Fact]
    public async Task Should_set_an_advocate_by_hand_and_keep_him_through_purchases()
    {
        var (tenant, client) = await TenantAsync(_factory, "advocate");
        var customer = await CustomerAsync(client, "关羽");
        var id = customer.GetProperty("id").GetGuid();

        var set = await client.PutAsJsonAsync($"/api/members/customers/{id}/lifecycle", new { @class = "Advocate", reason = "recommended five friends" });
        set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        await RecordAsync(client, Receipt(customer, "A-1", 1_000));
        await RecordAsync(client, Receipt(customer, "A-2", 1_000));

        (await ClassOfAsync(client, customer)).ShouldBe("Advocate");
        var history = await HistoryAsync(client, customer);
        history.ShouldHaveSingleItem().GetProperty("reason").GetString()!.ShouldSatisfyAllConditions(
            r => r.ShouldContain("recommended five friends"),
            r => r.ShouldContain("admin"));
        (await OutboxAsync(_factory, tenant, "members.lifecycle-changed")).ShouldHaveSingleItem().ShouldContain("Advocate");
    }

    [Fact]
    public async Task Should_refuse_classes_that_follow_from_purchases_and_requests_without_reason()
    {
        var (_, client) = await TenantAsync(_factory, "manual");
        var customer = await CustomerAsync(client, "曹操");
        var id = customer.GetProperty("id").GetGuid();

        var derived = await client.PutAsJsonAsync($"/api/members/customers/{id}/lifecycle", new { @class = "Loyal", reason = "big spender" });
        var noReason = await client.PutAsJsonAsync($"/api/members/customers/{id}/lifecycle", new { @class = "PossibleBuyer" });
        var possible = await client.PutAsJsonAsync($"/api/members/customers/{id}/lifecycle", new { @class = "PossibleBuyer", reason = "asked for a quote" });
        var unknown = await client.PutAsJsonAsync($"/api/members/customers/{Guid.NewGuid()}/lifecycle", new { @class = "PossibleBuyer", reason = "x" });

        derived.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ErrorFields(await derived.Content.ReadFromJsonAsync<JsonElement>()).ShouldBe(["class"]);
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ErrorFields(await noReason.Content.ReadFromJsonAsync<JsonElement>()).ShouldBe(["reason"]);
        possible.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClassOfAsync(client, customer)).ShouldBe("PossibleBuyer");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteLifecycleApiTests(MembersHost host) : LifecycleApiTests(host.Factory), IClassFixture<MembersHost>;

public sealed class PostgresLifecycleApiTests(MembersPostgresHost host) : LifecycleApiTests(host.Factory), IClassFixture<MembersPostgresHost>;
