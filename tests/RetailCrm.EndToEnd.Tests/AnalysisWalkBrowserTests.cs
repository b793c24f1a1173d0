using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>Issue 12's walk in demo mode on the embedded default (SQLite).</summary>
public sealed class AnalysisWalkBrowserTests(DemoBrowserFixture crm) : IClassFixture<DemoBrowserFixture>
{
    /// <summary>
    /// The manager opens the home dashboard and sees the RFM segments, the Pareto curve and the migration matrix;
    /// opens "At risk" and gets its customers; turns them into an outbound call list that the service module shows; a
    /// complaint registered in service for one of them raises that customer's problem score after the next recompute.
    /// </summary>
    [Fact]
    public async Task The_manager_finds_the_customers_at_risk_calls_them_and_sees_a_complaint_raise_a_problem_score()
    {
        var page = await ProductWalkTests.TryAsAsync(crm, 1280, 900, "en", "manager");
        await Expect(page.Locator("[data-widget='analysis.segments'] [data-chart-drawn='true']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-widget='analysis.pareto'] [data-chart-drawn='true']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-widget='analysis.migration'] #migration-matrix")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-widget='analysis.pareto'] h2")).ToContainTextAsync("% of revenue");

        await page.GotoAsync("/analysis");
        await page.Locator("#segments tr[data-segment='AtRisk'] td:first-child a").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("segment=AtRisk", StringComparison.Ordinal));
        await Expect(page.Locator("#list-title")).ToHaveTextAsync("At risk");
        var rows = page.Locator("#customers tbody tr");
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        var customerId = (await rows.First.GetAttributeAsync("data-customer")).ShouldNotBeNull();
        var scoreBefore = int.Parse(await rows.First.Locator("[data-problem-score]").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        var listName = "Win back " + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#call-list-name").FillAsync(listName);
        await page.Locator("#call-list-form input[name='agentUserIds']").First.CheckAsync();
        await page.Locator("#call-list-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/service/campaigns/", StringComparison.Ordinal));
        await Expect(page.Locator("body")).ToContainTextAsync(listName);

        var complaint = await page.APIRequest.PostAsync("/api/service/tickets", new()
        {
            DataObject = new { type = "complaint", subject = "Broken zip on the new coat", body = "Please call me", customerId, channel = "Phone" },
        });
        complaint.Status.ShouldBe(201, await complaint.TextAsync());

        // The complaint travels to the analysis as an event; the next recompute counts it.
        var scoreAfter = scoreBefore;
        for (var attempt = 0; attempt < 5 && scoreAfter == scoreBefore; attempt++)
        {
            await page.GotoAsync("/analysis");
            await Expect(page.Locator("#recompute-form button[type=submit]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await page.Locator("#recompute-form button[type=submit]").ClickAsync();
            await Expect(page.Locator("#recompute-state")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            var run = await page.APIRequest.GetAsync("/api/analysis/recomputes");
            var latest = JsonDocument.Parse(await run.TextAsync()).RootElement[0];
            latest.GetProperty("status").GetString().ShouldBe("Succeeded", latest.ToString());
            var score = await page.APIRequest.GetAsync($"/api/analysis/customers?segment=AtRisk");
            scoreAfter = JsonDocument.Parse(await score.TextAsync()).RootElement.GetProperty("items").EnumerateArray()
                .Where(c => c.GetProperty("customerId").GetString() == customerId).Select(c => c.GetProperty("problemScore").GetInt32()).Single();
        }

        scoreAfter.ShouldBe(Math.Min(100, scoreBefore + 20));
        await page.GotoAsync("/analysis/customers?problem=true");
        await Expect(page.Locator($"#customers tr[data-customer='{customerId}'] td").Last).ToContainTextAsync("Complaints");
    }
}
