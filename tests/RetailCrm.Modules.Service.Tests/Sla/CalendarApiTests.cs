using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Service.Tests.Sla;

public sealed class CalendarApiTests(SlaHost host) : IClassFixture<SlaHost>
{
    [Fact]
    public async Task Should_refuse_hours_that_are_no_time_with_problem_details_and_write_nothing()
    {
        var (_, admin) = await host.TenantAsync();

        var response = await admin.PostAsJsonAsync("/api/service/sla/calendars", new
        {
            name = "Night shift",
            timeZone = "Mars/Olympus",
            hours = new[] { new { day = "Monday", from = "22:00", to = "25:00" } },
            holidays = new[] { new { date = "2026-13-01", name = "Nope" } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("hours")[0].GetString()!.ShouldContain("25:00");
        errors.TryGetProperty("timeZone", out _).ShouldBeTrue();
        errors.TryGetProperty("holidays", out _).ShouldBeTrue();
        var calendars = await admin.GetFromJsonAsync<JsonElement>("/api/service/sla/calendars");
        calendars.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldBe(["Office hours"], "only the default, made on first use");
    }

    [Fact]
    public async Task Should_create_the_default_calendar_on_first_use_in_the_tenant_zone()
    {
        var (_, admin) = await host.TenantAsync();

        var calendar = (await admin.GetFromJsonAsync<JsonElement>("/api/service/sla/calendars")).EnumerateArray().Single();

        calendar.GetProperty("timeZone").GetString().ShouldBe("Asia/Shanghai");
        calendar.GetProperty("isDefault").GetBoolean().ShouldBeTrue();
        calendar.GetProperty("hours").EnumerateArray().Select(h => $"{h.GetProperty("day").GetString()} {h.GetProperty("from").GetString()}-{h.GetProperty("to").GetString()}")
            .ShouldBe(["Monday 09:00-18:00", "Tuesday 09:00-18:00", "Wednesday 09:00-18:00", "Thursday 09:00-18:00", "Friday 09:00-18:00"]);
    }
}
