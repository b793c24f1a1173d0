using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Tests.Calls;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Tests.Channels;

/// <summary>Call lists another module makes from the customers it chose (an analysis segment), through <see cref="IOutboundCallLists"/>.</summary>
public sealed class OutboundCallListTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    [Fact]
    public async Task Should_make_a_list_of_the_chosen_customers_with_a_phone_split_among_the_agents_and_show_it_like_any_other()
    {
        var (tenant, admin) = await host.TenantAsync();
        var withPhone = new List<Guid>();
        foreach (var (name, phone) in new[] { ("Segment An", "13800138201"), ("Segment Bo", "13800138202"), ("Segment Cai", "13800138203") })
        {
            withPhone.Add(await ScreenPopTests.CustomerAsync(admin, name, phone));
        }

        var noPhone = new[] { await CustomerWithoutPhoneAsync(admin, "Segment Ding"), await CustomerWithoutPhoneAsync(admin, "Segment Er") };
        var (adminId, agentId) = await AgentsAsync(admin);

        var made = await CreateAsync(tenant, new NewCallList(" At risk, December ", [.. withPhone, .. noPhone, withPhone[0], Guid.NewGuid()], [adminId, agentId]));

        made.IsRefused.ShouldBeFalse(made.Refusal?.Text.English());
        (made.Value.Calls, made.Value.WithoutPhone).ShouldBe((3, 2));
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/service/campaigns")).EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("id").GetGuid().ShouldBe(made.Value.CampaignId);
        listed.GetProperty("name").GetString().ShouldBe("At risk, December");
        listed.GetProperty("term").ValueKind.ShouldBe(JsonValueKind.Null);
        listed.GetProperty("tier").ValueKind.ShouldBe(JsonValueKind.Null);
        listed.GetProperty("lifecycleClass").ValueKind.ShouldBe(JsonValueKind.Null);
        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/service/campaigns/{made.Value.CampaignId}");
        details.GetProperty("total").GetInt32().ShouldBe(3);
        details.GetProperty("progress").EnumerateArray().Select(p => p.GetProperty("total").GetInt32()).Order().ShouldBe([1, 2]);
        var calls = details.GetProperty("calls").EnumerateArray().ToList();
        calls.Select(c => c.GetProperty("customerId").GetGuid()).ShouldBe(withPhone, ignoreOrder: true);
        calls.Select(c => c.GetProperty("phone").GetString()).ShouldBe(["+8613800138201", "+8613800138202", "+8613800138203"], ignoreOrder: true);
        var outcome = await admin.PutAsJsonAsync($"/api/service/campaigns/{made.Value.CampaignId}/calls/{calls[0].GetProperty("id").GetGuid()}/outcome", new { outcome = "Reached" });
        outcome.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetStringAsync($"/service/campaigns/{made.Value.CampaignId}")).ShouldContain("At risk, December");
        (await admin.GetStringAsync("/service/campaigns")).ShouldContain("At risk, December");
    }

    [Fact]
    public async Task Should_refuse_a_list_at_its_fields_and_make_nothing()
    {
        var (tenant, admin) = await host.TenantAsync();
        var noPhone = await CustomerWithoutPhoneAsync(admin, "Only mail");
        var withPhone = await ScreenPopTests.CustomerAsync(admin, "Has phone", "13800138301");
        var (adminId, _) = await AgentsAsync(admin);

        var empty = await CreateAsync(tenant, new NewCallList("", [], []));
        var strangers = await CreateAsync(tenant, new NewCallList("Strangers", [withPhone], [adminId, Guid.NewGuid()]));
        var tooLong = await CreateAsync(tenant, new NewCallList(new string('n', 121), [withPhone], [adminId]));
        var tooMany = await CreateAsync(tenant, new NewCallList("Everyone", [.. Enumerable.Range(0, IOutboundCallLists.MaxCustomers + 1).Select(_ => Guid.NewGuid())], [adminId]));
        var unreachable = await CreateAsync(tenant, new NewCallList("No phones", [noPhone, Guid.NewGuid()], [adminId]));

        Fields(empty).ShouldBe(["name", "agentUserIds", "customerIds"]);
        empty.Refusal!.Kind.ShouldBe(RefusalKind.Invalid);
        empty.Refusal.Code.ShouldBe("service/campaign-invalid");
        Fields(strangers).ShouldBe(["agentUserIds"]);
        Fields(tooLong).ShouldBe(["name"]);
        Fields(tooMany).ShouldBe(["customerIds"]);
        Fields(unreachable).ShouldBe(["customerIds"]);
        (await admin.GetFromJsonAsync<JsonElement>("/api/service/campaigns")).GetArrayLength().ShouldBe(0);
    }

    private static IReadOnlyList<string> Fields(Result<CallListMade> made) => [.. made.Refusal.ShouldNotBeNull().Fields.Select(f => f.Field)];

    private Task<Result<CallListMade>> CreateAsync(string tenant, NewCallList list) =>
        host.Factory.InTenantAsync(tenant, services => services.GetRequiredService<IOutboundCallLists>().CreateAsync(list));

    private static async Task<Guid> CustomerWithoutPhoneAsync(HttpClient admin, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = name, email = $"{Guid.NewGuid():N}@example.com" }, keepDespiteDuplicates = true });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The tenant's admin and a new agent, both users the calls can go to.</summary>
    private static async Task<(Guid Admin, Guid Agent)> AgentsAsync(HttpClient admin)
    {
        var agent = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "agent3", displayName = "Agent Three", password = "Agent-Passw0rd!", roles = Array.Empty<string>() });
        agent.StatusCode.ShouldBe(HttpStatusCode.Created, await agent.Content.ReadAsStringAsync());
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users");
        var adminId = users.EnumerateArray().First(u => u.GetProperty("userName").GetString() == "admin").GetProperty("id").GetGuid();
        return (adminId, (await agent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }
}
