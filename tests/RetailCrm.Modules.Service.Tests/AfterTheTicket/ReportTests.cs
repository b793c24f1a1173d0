using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RetailCrm.Modules.Service.Application.Reports;
using RetailCrm.Modules.Service.Domain.Surveys;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Tests.AfterTheTicket;

/// <summary>
/// The supervisor's report over known tickets: first responses after 1, 2, 3 and 4 hours and resolutions after 2, 4,
/// 6 and 8 hours (the clock moves), three by e-mail and one by phone, all handled by one agent, two surveys answered 2 and 4.
/// </summary>
public sealed class ReportTests(AfterHost host) : IClassFixture<AfterHost>
{
    [Fact]
    public async Task Should_report_volumes_exact_median_and_p90_agents_and_csat()
    {
        var (tenant, admin, agent) = await KnownTicketsAsync();

        var report = await admin.GetFromJsonAsync<JsonElement>("/api/service/reports");

        report.GetProperty("total").GetInt32().ShouldBe(4);
        Volumes(report, "byChannel").ShouldBe(new Dictionary<string, int> { ["Email"] = 3, ["Phone"] = 1 });
        Volumes(report, "byType").ShouldBe(new Dictionary<string, int> { ["complaint"] = 4 });
        report.GetProperty("byDay").GetArrayLength().ShouldBe(30);
        report.GetProperty("byDay").EnumerateArray().Sum(d => d.GetProperty("count").GetInt32()).ShouldBe(4);
        Times(report, "firstResponse").ShouldBe((4, 2.5, 3.7));
        Times(report, "resolution").ShouldBe((4, 5.0, 7.4));
        report.GetProperty("firstResponseCompliance").GetProperty("withTarget").GetInt32().ShouldBe(0, "no SLA targets until the SLA part supplies them");
        var figures = report.GetProperty("agents").EnumerateArray().ShouldHaveSingleItem();
        figures.GetProperty("agentUserId").GetGuid().ShouldBe(agent);
        figures.GetProperty("handled").GetInt32().ShouldBe(4);
        figures.GetProperty("medianFirstResponseHours").GetDouble().ShouldBe(2.5);
        figures.GetProperty("averageScore").GetDouble().ShouldBe(3.0);
        var csat = report.GetProperty("csat");
        csat.GetProperty("average").GetDouble().ShouldBe(3.0);
        csat.GetProperty("distribution").EnumerateArray().Select(c => c.GetInt32()).ShouldBe([0, 1, 0, 1, 0]);
        csat.GetProperty("comments").EnumerateArray().ShouldHaveSingleItem().GetProperty("comment").GetString().ShouldBe("Slow");
        var phoneOnly = await admin.GetFromJsonAsync<JsonElement>("/api/service/reports?channel=Phone");
        phoneOnly.GetProperty("total").GetInt32().ShouldBe(1);
        tenant.ShouldNotBeNull();
    }

    [Fact]
    public async Task Should_export_the_figures_as_csv_and_draw_the_charts_on_the_page()
    {
        var (_, admin, _) = await KnownTicketsAsync();

        var csv = await admin.GetAsync("/service/reports/export.csv");
        var page = await admin.GetAsync("/service/reports?channel=Email");

        csv.StatusCode.ShouldBe(HttpStatusCode.OK, await csv.Content.ReadAsStringAsync());
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.TrimEntries);
        lines.ShouldContain("first-response-hours,\"count,median,p90\",4,2.5,3.7,,");
        lines.ShouldContain("resolution-hours,\"count,median,p90\",4,5,7.4,,");
        lines.ShouldContain("by-channel,Email,3,,,,");
        lines.ShouldContain("csat-score,2,1,,,,");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = new HomePage(await page.Content.ReadAsStringAsync());
        html.Chart("service.report.by-channel").GetProperty("series")[0].GetProperty("values")[0].GetDecimal().ShouldBe(3);
        html.Has("service.report.by-day").ShouldBeTrue();
        html.Html.ShouldContain("/theme/echarts.min.js");
    }

    [Fact]
    public async Task Should_refuse_a_range_that_ends_before_it_starts_and_a_user_without_supervise()
    {
        var (tenant, admin) = await host.TenantAsync();
        var (_, agentClient) = await host.UserAsync(tenant, admin, "agent.zhou", "customer-service");

        var backwards = await admin.GetAsync("/api/service/reports?from=2026-12-10&to=2026-12-01");
        var forbidden = await agentClient.GetAsync("/api/service/reports");

        backwards.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("to", out _).ShouldBeTrue();
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.5, 2.5)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.9, 3.7)]
    [InlineData(new double[] { 10, 1, 7 }, 0.5, 7)]
    [InlineData(new double[] { 5 }, 0.9, 5)]
    public void Percentiles_interpolate_between_closest_ranks(double[] values, double fraction, double expected) =>
        Percentiles.Of(values, fraction)!.Value.ShouldBe(expected, 1e-9);

    private async Task<(string Tenant, HttpClient Admin, Guid Agent)> KnownTicketsAsync()
    {
        var (tenant, admin) = await host.TenantAsync();
        var (agent, _) = await host.UserAsync(tenant, admin, "agent.wu", "customer-service");
        var ids = new List<Guid>();
        for (var hours = 1; hours <= 4; hours++)
        {
            var id = await OpenAsync(admin, agent, hours == 4 ? "Phone" : "Email");
            ids.Add(id);
            host.Clock.Advance(TimeSpan.FromHours(hours));
            (await admin.PostAsJsonAsync($"/api/service/tickets/{id}/replies", new { body = "Looking into it.", version = await VersionAsync(admin, id) })).StatusCode.ShouldBe(HttpStatusCode.Created);
            host.Clock.Advance(TimeSpan.FromHours(hours));
            (await admin.PutAsJsonAsync($"/api/service/tickets/{id}/status", new { status = "Resolved", version = await VersionAsync(admin, id) })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The survey links went to mailboxes nobody reads here; the answers are put in as the survey page would save them.
        await AnswerAsync(tenant, ids[0], 2, "Slow");
        await AnswerAsync(tenant, ids[1], 4, null);
        return (tenant, admin, agent);
    }

    private Task<int> AnswerAsync(string tenant, Guid ticketId, int score, string? comment) =>
        host.InTenantAsync(tenant, services => services.GetRequiredService<ServiceDbContext>().Set<Survey>().Where(s => s.TicketId == ticketId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Score, score).SetProperty(x => x.Comment, comment).SetProperty(x => x.AnsweredAt, host.Clock.GetUtcNow().UtcDateTime)));

    private static async Task<Guid> OpenAsync(HttpClient admin, Guid agent, string channel)
    {
        var response = await admin.PostAsJsonAsync("/api/service/tickets", new
        {
            type = "complaint", subject = "Late delivery", body = "Hello", contactName = "Sun Qi", contactEmail = "sun@example.com", channel, assigneeUserId = agent,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<int> VersionAsync(HttpClient admin, Guid id) =>
        (await admin.GetFromJsonAsync<JsonElement>($"/api/service/tickets/{id}")).GetProperty("ticket").GetProperty("version").GetInt32();

    private static Dictionary<string, int> Volumes(JsonElement report, string name) =>
        report.GetProperty(name).EnumerateArray().ToDictionary(v => v.GetProperty("key").GetString()!, v => v.GetProperty("count").GetInt32());

    private static (int, double, double) Times(JsonElement report, string name)
    {
        var figures = report.GetProperty(name);
        return (figures.GetProperty("count").GetInt32(), figures.GetProperty("medianHours").GetDouble(), figures.GetProperty("p90Hours").GetDouble());
    }
}
