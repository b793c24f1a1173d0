using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Service.Tests.Sla;

/// <summary>Routing of new tickets through the real host: the rule's strategy among the available agents.</summary>
public sealed class RoutingTests(SlaHost host) : IClassFixture<SlaHost>
{
    [Fact]
    public async Task Round_robin_takes_turns_among_the_available_agents()
    {
        host.Clock.Set(SlaHost.MondayNine);
        var (tenant, admin) = await host.TenantAsync();
        await AwayAsync(admin);
        var (anna, _) = await host.UserAsync(tenant, admin, "agent-anna", [DefaultRoles.CustomerService]);
        var (bo, _) = await host.UserAsync(tenant, admin, "agent-bo", [DefaultRoles.CustomerService]);
        await RuleAsync(admin, new { name = "Everything", strategy = "RoundRobin" });

        var assignees = new List<Guid?>();
        for (var i = 0; i < 3; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            assignees.Add(await AssigneeAsync(admin, await SlaApi.OpenAsync(admin)));
        }

        assignees.ShouldBe([anna, bo, anna]);
    }

    [Fact]
    public async Task Least_busy_skips_agents_who_are_away_and_the_history_shows_the_routing()
    {
        host.Clock.Set(SlaHost.MondayNine);
        var (tenant, admin) = await host.TenantAsync();
        await AwayAsync(admin);
        var (anna, _) = await host.UserAsync(tenant, admin, "agent-anna", [DefaultRoles.CustomerService]);
        var (bo, _) = await host.UserAsync(tenant, admin, "agent-bo", [DefaultRoles.CustomerService]);
        var (_, cai) = await host.UserAsync(tenant, admin, "agent-cai", [DefaultRoles.CustomerService]);
        await AwayAsync(cai);
        await RuleAsync(admin, new { name = "Refunds", subjectWords = "refund, money back", strategy = "LeastBusy" });
        await RuleAsync(admin, new { name = "Rest", strategy = "RoundRobin" });
        var busy = await admin.PostAsJsonAsync("/api/service/tickets", new { subject = "Refund for a broken kettle", contactEmail = "li@example.com", channel = "Email", assigneeUserId = anna });
        busy.StatusCode.ShouldBe(HttpStatusCode.Created);

        var routed = await SlaApi.OpenAsync(admin, "I want my money back");

        (await AssigneeAsync(admin, routed)).ShouldBe(bo, "Anna holds a ticket already, Cai is away, the admin too");
        var history = (await admin.GetFromJsonAsync<JsonElement>($"/api/service/tickets/{routed}")).GetProperty("history").EnumerateArray().ToList();
        history.ShouldContain(h => h.GetProperty("field").GetString() == "assignee" && h.GetProperty("newValue").GetString() == bo.ToString());
    }

    [Fact]
    public async Task Should_refuse_a_rule_without_team_or_strategy_naming_the_field()
    {
        var (_, admin) = await host.TenantAsync();

        var response = await admin.PostAsJsonAsync("/api/service/routing/rules", new { name = "Nothing" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("strategy", out _).ShouldBeTrue();
        (await admin.GetFromJsonAsync<JsonElement>("/api/service/routing/rules")).GetArrayLength().ShouldBe(0);
    }

    private static async Task AwayAsync(HttpClient agent)
    {
        var response = await agent.PostAsJsonAsync("/api/service/agents/me/availability", new { available = false });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await agent.GetFromJsonAsync<JsonElement>("/api/service/agents/me/availability")).GetProperty("available").GetBoolean().ShouldBeFalse();
    }

    private static async Task RuleAsync(HttpClient admin, object rule)
    {
        var response = await admin.PostAsJsonAsync("/api/service/routing/rules", rule);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<Guid?> AssigneeAsync(HttpClient client, Guid ticket) =>
        (await SlaApi.TicketAsync(client, ticket)).GetProperty("assigneeUserId") is { ValueKind: JsonValueKind.String } id ? id.GetGuid() : null;
}
