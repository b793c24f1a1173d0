using Microsoft.Playwright;
using RetailCrm.Testing;
using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>Issue 11's walk on the embedded default (SQLite).</summary>
public sealed class SalesWalkSqliteBrowserTests(ProductBrowserFixture crm) : IClassFixture<ProductBrowserFixture>
{
    [Fact]
    public Task A_deal_walks_the_eight_steps_through_the_gate_to_a_won_purchase_and_the_supervisor_comments_the_week() => SalesWalk.RunAsync(crm);
}

/// <summary>Issue 11's walk on PostgreSQL.</summary>
public sealed class SalesWalkPostgresBrowserTests(PostgresProductBrowserFixture crm) : IClassFixture<PostgresProductBrowserFixture>
{
    [Fact]
    public Task A_deal_walks_the_eight_steps_through_the_gate_to_a_won_purchase_and_the_supervisor_comments_the_week() => SalesWalk.RunAsync(crm);
}

/// <summary>
/// A sales person registers a prospect and opens a deal; on the board the arrow key moves it to "visit" and is refused
/// past it without a logged visit; he logs the visit, drags the deal on, works each stage, attaches the proposal and
/// asks to sign; his supervisor approves; the deal is won and recorded as the customer's purchase, which makes the
/// prospect a first-time buyer; the forecast and his performance show the win; the supervisor comments his week.
/// </summary>
internal static class SalesWalk
{
    private const string Password = "Walk-Passw0rd!";

    public static async Task RunAsync(CrmBrowserFixture crm)
    {
        var admin = await crm.NewPageAsync();
        await ModulesPageTests.SignInAsync(admin);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (seller, supervisor) = ($"li.wei.{suffix}", $"zhang.min.{suffix}");
        await TeamAsync(admin, suffix, seller, supervisor);

        var page = await SignedInAsync(crm, seller);
        await page.GotoAsync("/sales/opportunities/new");
        await page.Locator("#prospectName").FillAsync($"Walk Trading {suffix}");
        await page.Locator("#prospectPhone").FillAsync("1390013" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#title").FillAsync("Spring advertising");
        await page.Locator("#open-deal").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("opened.");
        var dealUrl = new Uri(page.Url).AbsolutePath;
        var dealId = dealUrl.Split('/')[^1];
        var customerUrl = await page.Locator("#deal-customer").GetAttributeAsync("href");

        await page.GotoAsync("/sales");
        var card = page.Locator($"li.board-card[data-opportunity='{dealId}']");
        await card.FocusAsync();
        await card.PressAsync("ArrowRight");
        await Expect(page.Locator("#board-status")).ToContainTextAsync("moved to Visit");
        await Expect(page.Locator("[data-stage=visit]").Locator(card)).ToHaveCountAsync(1);
        await card.PressAsync("ArrowRight");
        await Expect(page.Locator("#board-refusal")).ToBeVisibleAsync();
        await Expect(page.Locator("#board-refusal")).ToContainTextAsync("Visit");
        await Expect(page.Locator("[data-stage=visit]").Locator(card)).ToHaveCountAsync(1);

        await page.GotoAsync(dealUrl);
        await LogAsync(page, "Visit", "First visit at the head office");
        await page.GotoAsync("/sales");
        await page.Locator($"li.board-card[data-opportunity='{dealId}']").DragToAsync(page.Locator("[data-stage=build-trust]"));
        await Expect(page.Locator("#board-status")).ToContainTextAsync("moved to Build trust");

        await page.GotoAsync(dealUrl);
        await LogAsync(page, "Meeting", "Lunch with the marketing director");
        await MoveAsync(page, "Dig out needs");
        await page.Locator("#facts-needs").FillAsync("Reach 20,000 members before May");
        await SaveFactsAsync(page);
        await MoveAsync(page, "Work out a solution");
        await page.Locator("#facts-solution").FillAsync("Two full pages and a mailing");
        await SaveFactsAsync(page);
        await page.Locator("input[name='lines[0].description']").FillAsync("Full-page ad");
        await page.Locator("input[name='lines[0].quantity']").FillAsync("2");
        await page.Locator("input[name='lines[0].unitPrice']").FillAsync("1000");
        await page.Locator("#save-lines").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Lines saved.");
        await Expect(page.Locator("#deal-amount")).ToContainTextAsync("2,000.00");
        await MoveAsync(page, "Propose");
        await page.Locator("#attach-file").SetInputFilesAsync(new FilePayload { Name = "proposal.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 proposal"u8.ToArray() });
        await page.Locator("#attach-file-button").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("proposal.pdf");
        await page.Locator("#facts-expectedCloseDate").FillAsync(DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await SaveFactsAsync(page);
        await page.Locator("#move-form select[name=stageId]").SelectOptionAsync(new SelectOptionValue { Label = "Sign" });
        await page.Locator("#move-deal").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("waits for the supervisor's approval");
        await Expect(page.Locator("#deal-pending")).ToBeVisibleAsync();

        var boss = await SignedInAsync(crm, supervisor);
        await Expect(boss.Locator("[data-notification='sales.approvals']")).ToHaveCountAsync(1);
        await boss.GotoAsync("/sales/approvals");
        await boss.Locator($"#approvals a[href='{dealUrl}']").ClickAsync();
        await boss.Locator("#approve-move").ClickAsync();
        await Expect(boss.Locator("#notice")).ToContainTextAsync("Move approved.");
        await Expect(boss.Locator("#deal-stage")).ToHaveTextAsync("Sign");

        await page.GotoAsync(dealUrl);
        await page.Locator("#win-deal").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Deal won.");
        await Expect(page.Locator("#deal-status")).ToHaveTextAsync("Won");

        var api = admin.Context.APIRequest;
        var customerId = customerUrl!.Split('/')[^1];
        await CrmHostFactory.EventuallyAsync(async () =>
            (await (await api.GetAsync($"/api/members/customers/{customerId}")).JsonAsync())!.Value.GetProperty("lifecycleClass").GetString() == "FirstTimeBuyer",
            "the won deal recorded as the prospect's first purchase");
        await admin.GotoAsync(customerUrl);
        await Expect(admin.Locator("#customer-deals")).ToContainTextAsync("Spring advertising");

        await page.GotoAsync("/sales/forecast");
        await Expect(page.Locator("[data-widget='sales.forecast.won']")).ToContainTextAsync("2,000.00");
        await Expect(page.Locator("[data-widget='sales.forecast.by-period'] [data-chart-drawn]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#performance tr[data-person] [data-won]")).ToHaveTextAsync("1");

        await boss.GotoAsync("/sales/journal");
        await boss.Locator("#team-week a", new() { HasText = seller }).ClickAsync();
        await Expect(boss.Locator("#week-entries [data-activity]")).ToHaveCountAsync(2);
        await boss.Locator("#review-comment").FillAsync("Log the lunch's outcome too.");
        await boss.Locator("#comment-week").ClickAsync();
        await Expect(boss.Locator("#notice")).ToContainTextAsync("Comment saved.");
        await page.GotoAsync("/sales/journal");
        await Expect(page.Locator("#week-reviews [data-review=commented]")).ToContainTextAsync("Log the lunch's outcome too.");

        await BothMoveOneDealAsync(page, boss, suffix);

        await page.Context.CloseAsync();
        await boss.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    /// <summary>The sales person and his supervisor have the same board open; the first move wins, the second is refused as stale.</summary>
    private static async Task BothMoveOneDealAsync(IPage seller, IPage supervisor, string suffix)
    {
        var opened = await seller.Context.APIRequest.PostAsync("/api/sales/opportunities", new APIRequestContextOptions
        {
            DataObject = new { title = "Race " + suffix, prospect = new { displayName = "Race Trading " + suffix, phone = "1370013" + Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture) } },
        });
        opened.Ok.ShouldBeTrue(await opened.TextAsync());
        var id = (await opened.JsonAsync())!.Value.GetProperty("id").GetGuid();
        await seller.GotoAsync("/sales");
        await supervisor.GotoAsync("/sales");
        var first = seller.Locator($"li.board-card[data-opportunity='{id}']");
        var second = supervisor.Locator($"li.board-card[data-opportunity='{id}']");

        await first.FocusAsync();
        await first.PressAsync("ArrowRight");
        await Expect(seller.Locator("#board-status")).ToContainTextAsync("moved to Visit");
        await second.FocusAsync();
        await second.PressAsync("ArrowRight");

        await Expect(supervisor.Locator("#board-refusal")).ToContainTextAsync("changed this deal meanwhile");
        await Expect(supervisor.Locator("[data-stage=find-prospects]").Locator(second)).ToHaveCountAsync(1);
    }

    private static async Task TeamAsync(IPage admin, string suffix, string seller, string supervisor)
    {
        var api = admin.Context.APIRequest;
        var units = (await (await api.GetAsync("/api/admin/organization-units")).JsonAsync())!.Value;
        var hq = units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "HQ").GetProperty("id").GetGuid();
        var unit = await api.PostAsync("/api/admin/organization-units", new APIRequestContextOptions { DataObject = new { parentId = hq, name = "Key accounts " + suffix, code = "KA" + suffix, kind = "Department" } });
        unit.Ok.ShouldBeTrue(await unit.TextAsync());
        var unitId = (await unit.JsonAsync())!.Value.GetProperty("id").GetGuid();
        foreach (var (user, role) in new[] { (seller, "sales-person"), (supervisor, "department-supervisor") })
        {
            var created = await api.PostAsync("/api/admin/users", new APIRequestContextOptions { DataObject = new { userName = user, displayName = user, password = Password, roles = new[] { role }, organizationUnitId = unitId } });
            created.Ok.ShouldBeTrue(await created.TextAsync());
        }
    }

    private static async Task<IPage> SignedInAsync(CrmBrowserFixture crm, string userName)
    {
        var page = await crm.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("#Password").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        return page;
    }

    private static async Task LogAsync(IPage page, string kind, string subject)
    {
        await page.Locator("#journal-kind").SelectOptionAsync(kind);
        await page.Locator("#journal-subject").FillAsync(subject);
        await page.Locator("#log-entry").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Entry logged.");
    }

    private static async Task MoveAsync(IPage page, string stage)
    {
        await page.Locator("#move-form select[name=stageId]").SelectOptionAsync(new SelectOptionValue { Label = stage });
        await page.Locator("#move-deal").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync($"Moved to {stage}.");
    }

    private static async Task SaveFactsAsync(IPage page)
    {
        await page.Locator("#save-facts").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Deal saved.");
    }
}
