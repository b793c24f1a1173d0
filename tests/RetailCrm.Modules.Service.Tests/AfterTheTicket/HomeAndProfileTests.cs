using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Service.Tests.AfterTheTicket;

/// <summary>The home widgets per permission and the tickets section of the customer 360° page.</summary>
public sealed class HomeAndProfileTests(AfterHost host) : IClassFixture<AfterHost>
{
    [Fact]
    public async Task Should_show_the_queue_and_kpi_to_a_supervisor_and_only_my_tickets_to_an_agent()
    {
        var (tenant, admin) = await host.TenantAsync();
        var (agent, agentClient) = await host.UserAsync(tenant, admin, "agent.ma", "customer-service");
        (await admin.PostAsJsonAsync("/api/service/tickets", new { subject = "Mine: card blocked", contactEmail = "a@example.com", channel = "Email", assigneeUserId = agent })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/api/service/tickets", new { subject = "Nobody's yet", contactEmail = "b@example.com", channel = "Email" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var supervisor = await HomePage.OpenAsync(admin);
        var agentHome = await HomePage.OpenAsync(agentClient);

        supervisor.Has("service.queue").ShouldBeTrue();
        supervisor.Widget("service.queue").ShouldContain("Unassigned: 1");
        supervisor.Widget("service.queue").ShouldContain("Oldest unanswered: #1 Mine: card blocked");
        supervisor.Has("service.kpi").ShouldBeTrue();
        agentHome.Has("service.queue").ShouldBeFalse();
        agentHome.Has("service.kpi").ShouldBeFalse();
        agentHome.Widget("service.my-tickets").ShouldContain("Mine: card blocked");
        agentHome.Widget("service.my-tickets").ShouldNotContain("Nobody's yet");
    }

    [Fact]
    public async Task Should_list_the_customers_tickets_on_the_360_page_open_first()
    {
        var (_, admin) = await host.TenantAsync();
        var customer = await admin.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = "Qian Ba" }, keepDespiteDuplicates = true });
        customer.StatusCode.ShouldBe(HttpStatusCode.Created, await customer.Content.ReadAsStringAsync());
        var customerId = (await customer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var done = await OpenAsync(admin, customerId, "Old question");
        (await admin.PutAsJsonAsync($"/api/service/tickets/{done.Id}/status", new { status = "Closed", version = done.Version })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var open = await OpenAsync(admin, customerId, "Fridge is noisy");

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/members/customers/{customerId}"));

        page.ShouldContain("id=\"service-tickets\"");
        page.ShouldContain($"href=\"/service/tickets/{open.Id}\"");
        page.IndexOf("Fridge is noisy", StringComparison.Ordinal).ShouldBeLessThan(page.IndexOf("Old question", StringComparison.Ordinal));
    }

    private static async Task<(Guid Id, int Version)> OpenAsync(HttpClient admin, Guid customerId, string subject)
    {
        var response = await admin.PostAsJsonAsync("/api/service/tickets", new { subject, customerId, channel = "WalkIn" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (ticket.GetProperty("id").GetGuid(), ticket.GetProperty("version").GetInt32());
    }
}
