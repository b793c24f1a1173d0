using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Service.Tests.Sla;

public sealed class SlaPagesTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    [Fact]
    public async Task Should_add_a_calendar_a_policy_and_a_rule_on_the_admin_page()
    {
        var (_, client) = await host.TenantAsync();

        var withCalendar = await client.SubmitAndFollowAsync("/service/admin/sla", "/service/admin/sla/calendars",
            ("name", "Weekend shop"), ("timeZone", "Asia/Shanghai"), ("hours", "Saturday 10:00-20:00\nSunday 10:00-20:00"), ("holidays", "2026-10-01 National Day"));
        var withPolicy = await client.SubmitAndFollowAsync("/service/admin/sla", "/service/admin/sla/policies",
            ("name", "Urgent complaints"), ("typeKey", "complaint"), ("priority", "Urgent"), ("firstResponseMinutes", "30"), ("resolutionMinutes", "240"));
        var withRule = await client.SubmitAndFollowAsync("/service/admin/sla", "/service/admin/sla/rules", ("name", "Repairs"), ("typeKey", "repair"), ("strategy", "LeastBusy"));

        withCalendar.ShouldContain("Calendar Weekend shop saved.");
        withCalendar.ShouldContain("Saturday 10:00-20:00");
        (await client.GetFromJsonAsync<JsonElement>("/api/service/sla/calendars")).GetArrayLength().ShouldBe(2, "the default calendar and the new one");
        withPolicy.ShouldContain("data-policy=\"Urgent complaints\"");
        withRule.ShouldContain("data-rule=\"Repairs\"");
        var policies = await client.GetFromJsonAsync<JsonElement>("/api/service/sla/policies");
        policies.EnumerateArray().Single().GetProperty("firstResponseMinutes").GetInt32().ShouldBe(30);
    }

    [Fact]
    public async Task Should_show_hours_that_are_no_time_at_the_field_and_save_nothing()
    {
        var (_, client) = await host.TenantAsync();
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/service/sla/calendars")).GetArrayLength();

        var response = await client.SubmitAsync("/service/admin/sla", "/service/admin/sla/calendars", ("name", "Broken"), ("timeZone", "Asia/Shanghai"), ("hours", "Monday 09:00-25:00"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("id=\"calendar-hours-error\"");
        (await client.GetFromJsonAsync<JsonElement>("/api/service/sla/calendars")).GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task Should_list_a_ticket_whose_first_response_is_overdue_on_the_supervisors_page()
    {
        var (_, client) = await host.TenantAsync();
        await client.PostAsJsonAsync("/api/service/sla/calendars", new
        {
            name = "Always", timeZone = "Asia/Shanghai", isDefault = true,
            hours = Enum.GetNames<DayOfWeek>().Select(d => new { day = d, from = "00:00", to = "24:00" }),
        });
        await SlaApi.PolicyAsync(client, new { name = "Instant", firstResponseMinutes = 1 });
        var ticket = await SlaApi.OpenAsync(client, "Nobody answered me");
        await Task.Delay(TimeSpan.FromSeconds(61));

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/service/sla"));

        page.ShouldContain($"href=\"/service/tickets/{ticket}\"");
        page.ShouldContain("Nobody answered me");
    }
}
