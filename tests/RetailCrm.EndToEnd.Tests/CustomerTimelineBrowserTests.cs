using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>
/// The customer 360° page of the demo's 张伟, who paid 88.50 by card: the summary counts it as spent and the timeline
/// shows the payment among the other modules' entries, newest first; at 1366×768 and 390×844, in English and Chinese.
/// </summary>
public sealed class CustomerTimelineBrowserTests(DemoBrowserFixture crm) : IClassFixture<DemoBrowserFixture>
{
    [Theory]
    [MemberData(nameof(ProductWalkTests.Walks), MemberType = typeof(ProductWalkTests))]
    public async Task Should_show_the_card_payment_on_the_timeline_and_count_it_as_spent(int width, int height, string language)
    {
        var shot = ProductWalkTests.Shot(width, language);
        var page = await ProductWalkTests.TryAsAsync(crm, width, height, language, "manager");

        await page.GotoAsync("/search?go=1&q=C2026000001");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/members/customers/", StringComparison.Ordinal));
        await Expect(page.Locator("h1")).ToContainTextAsync("张伟");

        await Expect(page.Locator("[data-tile='members.spent'] .tile-value")).ToContainTextAsync("88.50");
        var timeline = page.Locator("[data-timeline]");
        await Expect(timeline.Locator(".timeline-entry[data-kind='cards.payment']").First).ToBeVisibleAsync();
        await Expect(timeline.Locator(".timeline-entry[data-kind='cards.payment']").First).ToContainTextAsync("88.50");
        await Expect(timeline.Locator(".timeline-entry[data-module='members']").First).ToBeVisibleAsync();
        await ProductWalkTests.CheckAsync(page, shot("customer-360"));

        await timeline.Locator("a.chip[data-module='cards']").ClickAsync();
        await Expect(timeline.Locator(".timeline-entry[data-module='members']")).ToHaveCountAsync(0);
        await Expect(timeline.Locator(".timeline-entry[data-module='cards']").First).ToBeVisibleAsync();
        await ProductWalkTests.CheckAsync(page, shot("customer-360-cards"));
        await page.Context.CloseAsync();
    }
}
