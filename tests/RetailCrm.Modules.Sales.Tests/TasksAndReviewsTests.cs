using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RetailCrm.Modules.Sales.Tests.SalesKit;

namespace RetailCrm.Modules.Sales.Tests;

/// <summary>Tasks, reminders (bell and e-mail through the throwaway smtp4dev of tests/run.sh) and the weekly journal review, on a clock the test moves.</summary>
public sealed class TasksAndReviewsTests(SalesClockHost host) : IClassFixture<SalesClockHost>
{
    private readonly TestMailServer _mail = TestMailServer.FromEnvironment();

    [Fact]
    public async Task A_reminder_rings_the_bell_and_mails_the_assignee_once_and_the_supervisor_sees_who_is_overdue()
    {
        host.Clock.Set(SalesClockHost.MondayNine);
        var team = await host.TeamAsync();
        await _mail.ConfigureTenantAsync(team.Admin, "sales@example.com", "Sales desk");
        var address = $"{team.Tenant}-li.wei@example.com";
        await host.SetEmailAsync(team.Tenant, team.SellerId, address);
        var deal = await OpenDealAsync(team.Seller);
        var due = SalesClockHost.MondayNine.UtcDateTime.AddHours(3);

        var created = await team.Seller.PostAsJsonAsync("/api/sales/tasks", new { title = "Send the proposal", dueAt = due, remindAt = due.AddHours(-1), opportunityId = deal.GetProperty("id").GetGuid() });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var task = await created.Content.ReadFromJsonAsync<JsonElement>();
        (await BellAsync(team.Seller)).ShouldBeNull();

        host.Clock.Advance(TimeSpan.FromHours(2).Add(TimeSpan.FromMinutes(1)));
        await host.RunJobAsync(team.Tenant, "sales.task-reminders");
        await host.RunJobAsync(team.Tenant, "sales.task-reminders");

        var mail = await _mail.WaitForAsync(address);
        mail.Subject.ShouldBe("Reminder: Send the proposal");
        mail.TextBody!.ShouldContain("2026-12-07 12:00 (Asia/Shanghai)");
        mail.TextBody!.ShouldContain("Spring campaign ads");
        (await BellAsync(team.Seller)).ShouldBe("1");
        await Task.Delay(1000);
        (await _mail.FindAsync(address)).Count.ShouldBe(1);

        host.Clock.Advance(TimeSpan.FromHours(1));
        var overdue = await team.Seller.GetFromJsonAsync<JsonElement[]>("/api/sales/tasks?mine=true&overdue=true");
        overdue!.Single().GetProperty("id").GetGuid().ShouldBe(task.GetProperty("id").GetGuid());
        overdue![0].GetProperty("overdue").GetBoolean().ShouldBeTrue();
        var people = await team.Supervisor.GetFromJsonAsync<JsonElement[]>("/api/sales/tasks/overdue");
        var seller = people!.Single(p => p.GetProperty("userId").GetGuid() == team.SellerId);
        seller.GetProperty("overdue").GetInt32().ShouldBe(1);

        var done = await team.Seller.PostAsJsonAsync($"/api/sales/tasks/{task.GetProperty("id").GetGuid()}/done", new { done = true });
        done.StatusCode.ShouldBe(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        (await team.Seller.GetFromJsonAsync<JsonElement[]>("/api/sales/tasks?mine=true&overdue=true"))!.ShouldBeEmpty();
        (await BellAsync(team.Seller)).ShouldBeNull();
    }

    [Fact]
    public async Task A_task_is_refused_field_by_field_and_given_only_to_people_of_ones_team()
    {
        host.Clock.Set(SalesClockHost.MondayNine);
        var team = await host.TeamAsync();
        var due = SalesClockHost.MondayNine.UtcDateTime.AddDays(1);

        var bad = await team.Seller.PostAsJsonAsync("/api/sales/tasks", new { title = "", remindAt = due });
        var problem = await ProblemAsync(bad);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("title").GetArrayLength().ShouldBe(1);
        problem.GetProperty("errors").GetProperty("dueAt").GetArrayLength().ShouldBe(1);
        var late = await ProblemAsync(await team.Seller.PostAsJsonAsync("/api/sales/tasks", new { title = "Call", dueAt = due, remindAt = due.AddHours(1) }));
        late.GetProperty("errors").GetProperty("remindAt").GetArrayLength().ShouldBe(1);
        var upward = await team.Seller.PostAsJsonAsync("/api/sales/tasks", new { title = "Approve my deal", dueAt = due, assigneeUserId = team.SupervisorId });
        (await ProblemAsync(upward)).GetProperty("errors").GetProperty("assigneeUserId").GetArrayLength().ShouldBe(1);
        var unknownDeal = await team.Seller.PostAsJsonAsync("/api/sales/tasks", new { title = "Call", dueAt = due, opportunityId = Guid.NewGuid() });
        unknownDeal.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var given = await team.Supervisor.PostAsJsonAsync("/api/sales/tasks", new { title = "Visit the Pudong store", dueAt = due, assigneeUserId = team.SellerId });
        given.StatusCode.ShouldBe(HttpStatusCode.Created, await given.Content.ReadAsStringAsync());
        (await team.Seller.GetFromJsonAsync<JsonElement[]>("/api/sales/tasks?mine=true"))!.Single().GetProperty("title").GetString().ShouldBe("Visit the Pudong store");
        (await team.Seller.GetFromJsonAsync<JsonElement[]>("/api/sales/tasks"))!.Length.ShouldBe(1);
    }

    [Fact]
    public async Task The_supervisor_comments_and_approves_the_weeks_journal_and_the_sales_person_reads_it()
    {
        host.Clock.Set(SalesClockHost.MondayNine);
        var team = await host.TeamAsync();
        var deal = await OpenDealAsync(team.Seller);
        await LogAsync(team.Seller, deal, "visit", "First visit at the head office");
        await LogAsync(team.Seller, deal, "call", "Called the buyer");
        const string week = "2026-12-09";

        var line = (await team.Supervisor.GetFromJsonAsync<JsonElement[]>($"/api/sales/journal/team?week={week}"))!.Single(l => l.GetProperty("userId").GetGuid() == team.SellerId);
        line.GetProperty("entries").GetInt32().ShouldBe(2);
        line.GetProperty("visits").GetInt32().ShouldBe(1);
        line.GetProperty("approved").GetBoolean().ShouldBeFalse();

        var empty = await team.Supervisor.PostAsJsonAsync("/api/sales/journal/reviews", new { userId = team.SellerId, week, approve = false, comment = " " });
        (await ProblemAsync(empty)).GetProperty("errors").GetProperty("comment").GetArrayLength().ShouldBe(1);
        var noWeek = await team.Supervisor.PostAsJsonAsync("/api/sales/journal/reviews", new { userId = team.SellerId, approve = true });
        (await ProblemAsync(noWeek)).GetProperty("errors").GetProperty("week").GetArrayLength().ShouldBe(1);
        var future = await team.Supervisor.PostAsJsonAsync("/api/sales/journal/reviews", new { userId = team.SellerId, week = "2026-12-14", approve = true });
        (await ProblemAsync(future)).GetProperty("errors").GetProperty("week").GetArrayLength().ShouldBe(1);
        (await team.Supervisor.PostAsJsonAsync("/api/sales/journal/reviews", new { userId = team.SupervisorId, week, approve = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await team.Seller.PostAsJsonAsync("/api/sales/journal/reviews", new { userId = team.SellerId, week, approve = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var commented = await team.Supervisor.PostAsJsonAsync("/api/sales/journal/reviews", new { userId = team.SellerId, week, approve = false, comment = "Log the outcome of the call too." });
        commented.StatusCode.ShouldBe(HttpStatusCode.Created, await commented.Content.ReadAsStringAsync());
        var approved = await team.Supervisor.PostAsJsonAsync("/api/sales/journal/reviews", new { userId = team.SellerId, week, approve = true });
        approved.StatusCode.ShouldBe(HttpStatusCode.Created, await approved.Content.ReadAsStringAsync());

        var mine = await team.Seller.GetFromJsonAsync<JsonElement>($"/api/sales/journal/{team.SellerId}?week={week}");
        mine.GetProperty("weekStart").GetString().ShouldBe("2026-12-07");
        mine.GetProperty("approved").GetBoolean().ShouldBeTrue();
        mine.GetProperty("entries").GetArrayLength().ShouldBe(2);
        mine.GetProperty("entries")[0].GetProperty("dealTitle").GetString().ShouldBe("Spring campaign ads");
        mine.GetProperty("reviews").EnumerateArray().Select(r => r.GetProperty("verdict").GetString()).ShouldBe(["commented", "approved"]);
        (await team.Seller.GetAsync($"/api/sales/journal/{team.SupervisorId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>The count of the bell's "Sales tasks due" entry on the home page, or null when it is not there.</summary>
    private static async Task<string?> BellAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/");
        var match = System.Text.RegularExpressions.Regex.Match(html, "data-notification=\"sales.tasks-due\"><a [^>]*>[^<]*</a> <span class=\"badge\">(\\d+)</span>");
        return match.Success ? match.Groups[1].Value : null;
    }
}
