using System.Net.Http.Json;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;

namespace RetailCrm.Modules.Service.Tests.Sla;

/// <summary>The clocks of tickets through the real host, with the host's time set by the test (Shanghai office hours).</summary>
public sealed class SlaClockTests(SlaHost host) : IClassFixture<SlaHost>
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Clock_pauses_while_pending_customer()
    {
        host.Clock.Set(SlaHost.MondayNine);
        var (_, admin) = await host.TenantAsync();
        await SlaApi.PolicyAsync(admin, new { name = "Standard", firstResponseMinutes = 60, resolutionMinutes = 480 });
        var ticket = await SlaApi.OpenAsync(admin);

        host.Clock.Advance(TimeSpan.FromMinutes(30));
        await SlaApi.StatusAsync(admin, ticket, "PendingCustomer");
        host.Clock.Advance(TimeSpan.FromHours(2));
        var paused = await SlaApi.ClockAsync(admin, ticket, "Resolution");
        await SlaApi.StatusAsync(admin, ticket, "Open");
        var resumed = await SlaApi.ClockAsync(admin, ticket, "Resolution");

        paused.GetProperty("state").GetString().ShouldBe("Paused");
        paused.GetProperty("elapsedMinutes").GetInt32().ShouldBe(30);
        paused.GetProperty("pausedMinutes").GetInt32().ShouldBe(120);
        resumed.GetProperty("state").GetString().ShouldBe("Running");
        resumed.GetProperty("pausedMinutes").GetInt32().ShouldBe(120);
        resumed.GetProperty("dueAt").GetDateTime().ShouldBe(Local(2026, 12, 8, 10, 0), "450 business minutes left at 11:30: 390 on Monday, 60 on Tuesday");
    }

    [Fact]
    public async Task Reply_stops_first_response_and_a_late_one_is_breached()
    {
        host.Clock.Set(SlaHost.MondayNine);
        var (_, admin) = await host.TenantAsync();
        await SlaApi.PolicyAsync(admin, new { name = "Standard", firstResponseMinutes = 60, resolutionMinutes = 480 });
        var onTime = await SlaApi.OpenAsync(admin);
        var late = await SlaApi.OpenAsync(admin);

        host.Clock.Advance(TimeSpan.FromMinutes(20));
        await SlaApi.ReplyAsync(admin, onTime);
        host.Clock.Advance(TimeSpan.FromMinutes(70));
        await SlaApi.ReplyAsync(admin, late);

        var kept = await SlaApi.ClockAsync(admin, onTime, "FirstResponse");
        kept.GetProperty("state").GetString().ShouldBe("Stopped");
        kept.GetProperty("elapsedMinutes").GetInt32().ShouldBe(20);
        kept.GetProperty("breachedAt").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var missed = await SlaApi.ClockAsync(admin, late, "FirstResponse");
        missed.GetProperty("state").GetString().ShouldBe("Stopped");
        missed.GetProperty("breachedAt").GetDateTime().ShouldBe(Local(2026, 12, 7, 10, 0));
        (await SlaApi.ClockAsync(admin, late, "Resolution")).GetProperty("state").GetString().ShouldBe("Running", "the reply does not resolve the ticket");
    }

    [Fact]
    public async Task Reopen_runs_resolution_again_keeping_the_minutes_already_run()
    {
        host.Clock.Set(SlaHost.MondayNine);
        var (_, admin) = await host.TenantAsync();
        await SlaApi.PolicyAsync(admin, new { name = "Standard", resolutionMinutes = 480 });
        var ticket = await SlaApi.OpenAsync(admin);

        host.Clock.Advance(TimeSpan.FromMinutes(60));
        await SlaApi.StatusAsync(admin, ticket, "Resolved");
        var resolved = await SlaApi.ClockAsync(admin, ticket, "Resolution");
        host.Clock.Advance(TimeSpan.FromHours(3));
        await SlaApi.StatusAsync(admin, ticket, "Open");
        var reopened = await SlaApi.ClockAsync(admin, ticket, "Resolution");

        resolved.GetProperty("state").GetString().ShouldBe("Stopped");
        resolved.GetProperty("elapsedMinutes").GetInt32().ShouldBe(60);
        reopened.GetProperty("state").GetString().ShouldBe("Running");
        reopened.GetProperty("elapsedMinutes").GetInt32().ShouldBe(60);
        reopened.GetProperty("dueAt").GetDateTime().ShouldBe(Local(2026, 12, 8, 11, 0), "420 minutes left at Monday 13:00: 300 on Monday, 120 on Tuesday");
    }

    [Fact]
    public async Task First_response_due_carries_over_the_weekend_and_a_holiday()
    {
        host.Clock.Set(new DateTimeOffset(Local(2026, 12, 11, 17, 0), TimeSpan.Zero));
        var (_, admin) = await host.TenantAsync();
        var calendar = await admin.PostAsJsonAsync("/api/service/sla/calendars", new
        {
            name = "Shanghai with holiday",
            timeZone = "Asia/Shanghai",
            hours = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(d => new { day = d, from = "09:00", to = "18:00" }),
            holidays = new[] { new { date = "2026-12-14", name = "Company day" } },
        });
        calendar.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await calendar.Content.ReadAsStringAsync());
        var calendarId = (await calendar.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        await SlaApi.PolicyAsync(admin, new { name = "Holiday aware", firstResponseMinutes = 120, calendarId });

        var ticket = await SlaApi.OpenAsync(admin);

        (await SlaApi.ClockAsync(admin, ticket, "FirstResponse")).GetProperty("dueAt").GetDateTime()
            .ShouldBe(Local(2026, 12, 15, 10, 0), "one hour on Friday, none on the weekend nor on Monday's holiday, one on Tuesday");
    }

    [Fact]
    public async Task Customer_message_starts_next_update_and_the_reply_stops_it()
    {
        host.Clock.Set(SlaHost.MondayNine);
        var (tenant, admin) = await host.TenantAsync();
        await SlaApi.PolicyAsync(admin, new { name = "Standard", nextUpdateMinutes = 30 });
        var ticket = await SlaApi.OpenAsync(admin);
        var idle = await SlaApi.ClockAsync(admin, ticket, "NextUpdate");

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var added = await host.InTenantAsync(tenant, async services =>
            (await services.GetRequiredService<TicketService>().AddCustomerMessageAsync(ticket, new CustomerMessage("Any news?", TicketChannel.Email, "Han Meimei"), CancellationToken.None))!.IsRefused);
        added.ShouldBeFalse();
        var running = await SlaApi.ClockAsync(admin, ticket, "NextUpdate");
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await SlaApi.ReplyAsync(admin, ticket);
        var stopped = await SlaApi.ClockAsync(admin, ticket, "NextUpdate");

        idle.GetProperty("state").GetString().ShouldBe("Idle");
        running.GetProperty("state").GetString().ShouldBe("Running");
        running.GetProperty("dueAt").GetDateTime().ShouldBe(Local(2026, 12, 7, 9, 40));
        stopped.GetProperty("state").GetString().ShouldBe("Stopped");
        stopped.GetProperty("elapsedMinutes").GetInt32().ShouldBe(5);
    }

    private static DateTime Local(int year, int month, int day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), Shanghai);
}
