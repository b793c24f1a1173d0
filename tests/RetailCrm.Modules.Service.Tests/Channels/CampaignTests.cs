using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RetailCrm.Modules.Service.Tests.Calls;

namespace RetailCrm.Modules.Service.Tests.Channels;

public sealed class CampaignTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    [Fact]
    public async Task A_call_list_is_split_among_the_agents_and_counts_the_outcomes()
    {
        var (_, admin) = await host.TenantAsync();
        foreach (var (name, phone) in new[] { ("Silver An", "13800138101"), ("Silver Bo", "13800138102"), ("Silver Cai", "13800138103") })
        {
            await ScreenPopTests.CustomerAsync(admin, name, phone, "silver");
        }

        await ScreenPopTests.CustomerAsync(admin, "Gold Ding", "13800138104", "gold");
        var agent = await (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "agent2", displayName = "Agent Two", password = "Agent-Passw0rd!", roles = Array.Empty<string>() }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var agentId = agent.GetProperty("id").GetGuid();
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users");
        var adminId = users.EnumerateArray().First(u => u.GetProperty("userName").GetString() == "admin").GetProperty("id").GetGuid();

        var created = await admin.PostAsJsonAsync("/api/service/campaigns", new { name = "Silver renewals", term = "Silver", tier = "silver", agentUserIds = new[] { adminId, agentId } });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var list = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = list.GetProperty("campaign").GetProperty("id").GetGuid();
        list.GetProperty("total").GetInt32().ShouldBe(3);
        list.GetProperty("progress").EnumerateArray().Select(p => p.GetProperty("total").GetInt32()).Order().ShouldBe([1, 2]);
        var calls = list.GetProperty("calls").EnumerateArray().ToList();
        calls.Select(c => c.GetProperty("customerName").GetString()).ShouldNotContain("Gold Ding");

        (await Outcome(admin, id, calls[0], "Reached", "Renewed for a year")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Outcome(admin, id, calls[1], "CallBack", "After 18:00")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await Outcome(admin, id, calls[2], "Maybe", null);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/service/campaigns/{id}");
        after.GetProperty("done").GetInt32().ShouldBe(1);
        after.GetProperty("calls").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == calls[0].GetProperty("id").GetGuid())
            .GetProperty("note").GetString().ShouldBe("Renewed for a year");
    }

    [Fact]
    public async Task A_call_list_without_agents_is_refused_at_the_field()
    {
        var (_, admin) = await host.TenantAsync();

        var response = await admin.PostAsJsonAsync("/api/service/campaigns", new { name = "", agentUserIds = Array.Empty<Guid>() });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("name", out _).ShouldBeTrue();
        errors.TryGetProperty("agentUserIds", out _).ShouldBeTrue();
    }

    private static Task<HttpResponseMessage> Outcome(HttpClient client, Guid campaign, JsonElement call, string outcome, string? note) =>
        client.PutAsJsonAsync($"/api/service/campaigns/{campaign}/calls/{call.GetProperty("id").GetGuid()}/outcome", new { outcome, note });
}
