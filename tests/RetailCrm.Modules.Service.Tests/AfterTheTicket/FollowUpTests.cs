using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RetailCrm.Modules.Service.Domain.FollowUps;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Tests.AfterTheTicket;

/// <summary>Follow-up visits (回访): scheduled when a complaint (3 days) is closed, opened by the hourly job when due, cancelled on re-open.</summary>
public sealed class FollowUpTests(AfterHost host) : IClassFixture<AfterHost>
{
    private const string Job = "service.follow-ups";

    [Fact]
    public async Task Should_open_the_follow_up_for_the_owning_agent_when_due_and_only_once()
    {
        var (tenant, admin) = await host.TenantAsync();
        var (agent, _) = await host.UserAsync(tenant, admin, "agent.li", "customer-service");
        var complaint = await OpenComplaintAsync(admin, agent);

        var closed = await StatusAsync(admin, complaint, "Closed");

        var followUp = await FollowUpAsync(tenant);
        followUp.Status.ShouldBe(FollowUpStatus.Scheduled);
        followUp.DueAt.ShouldBe(closed.GetProperty("closedAt").GetDateTime().AddDays(3), TimeSpan.FromSeconds(1));
        await host.RunJobAsync(tenant, Job);
        (await FollowUpTicketsAsync(admin)).ShouldBeEmpty("not due yet");

        host.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        admin = await host.AdminAsync(tenant);
        await host.RunJobAsync(tenant, Job);
        await host.RunJobAsync(tenant, Job);

        var opened = (await FollowUpTicketsAsync(admin)).ShouldHaveSingleItem();
        opened.GetProperty("followsUpId").GetGuid().ShouldBe(complaint.Id);
        opened.GetProperty("assigneeUserId").GetGuid().ShouldBe(agent);
        opened.GetProperty("contactEmail").GetString().ShouldBe("zhao@example.com");
        opened.GetProperty("subject").GetString()!.ShouldStartWith("Follow-up: #");
        (await FollowUpAsync(tenant)).Status.ShouldBe(FollowUpStatus.Opened);
    }

    [Fact]
    public async Task Should_cancel_the_follow_up_when_the_ticket_is_reopened_before_it_is_due()
    {
        var (tenant, admin) = await host.TenantAsync();
        var complaint = await OpenComplaintAsync(admin, null);
        var closed = await StatusAsync(admin, complaint, "Closed");

        await StatusAsync(admin, (complaint.Id, closed.GetProperty("version").GetInt32()), "Open");
        host.Clock.Advance(TimeSpan.FromDays(4));
        admin = await host.AdminAsync(tenant);
        await host.RunJobAsync(tenant, Job);

        (await FollowUpAsync(tenant)).Status.ShouldBe(FollowUpStatus.Cancelled);
        (await FollowUpTicketsAsync(admin)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_schedule_nothing_for_a_type_without_follow_up_days()
    {
        var (tenant, admin) = await host.TenantAsync();
        var response = await admin.PostAsJsonAsync("/api/service/tickets", new { type = "inquiry", subject = "Opening hours?", contactEmail = "q@example.com", channel = "Email" });
        var inquiry = await response.Content.ReadFromJsonAsync<JsonElement>();

        await StatusAsync(admin, (inquiry.GetProperty("id").GetGuid(), inquiry.GetProperty("version").GetInt32()), "Closed");

        (await host.InTenantAsync(tenant, services => services.GetRequiredService<ServiceDbContext>().Set<FollowUp>().CountAsync())).ShouldBe(0);
    }

    private static async Task<(Guid Id, int Version)> OpenComplaintAsync(HttpClient admin, Guid? agent)
    {
        var response = await admin.PostAsJsonAsync("/api/service/tickets", new
        {
            type = "complaint", subject = "Broken bottle", body = "The bottle leaked.", contactName = "Zhao Liu", contactEmail = "zhao@example.com", channel = "Email", assigneeUserId = agent,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (ticket.GetProperty("id").GetGuid(), ticket.GetProperty("version").GetInt32());
    }

    private static async Task<JsonElement> StatusAsync(HttpClient admin, (Guid Id, int Version) ticket, string status)
    {
        var response = await admin.PutAsJsonAsync($"/api/service/tickets/{ticket.Id}/status", new { status, version = ticket.Version });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<FollowUp> FollowUpAsync(string tenant) =>
        host.InTenantAsync(tenant, services => services.GetRequiredService<ServiceDbContext>().Set<FollowUp>().AsNoTracking().SingleAsync());

    private static async Task<List<JsonElement>> FollowUpTicketsAsync(HttpClient admin)
    {
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/service/tickets?view=All&type=follow-up");
        var ids = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        var tickets = new List<JsonElement>();
        foreach (var id in ids)
        {
            tickets.Add((await admin.GetFromJsonAsync<JsonElement>($"/api/service/tickets/{id}")).GetProperty("ticket"));
        }

        return tickets;
    }
}
