using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>The home page in the browser: the widgets of the user's roles, the chart drawn by ECharts, on a desktop and on a phone.</summary>
public sealed class HomeBrowserTests(ProductBrowserFixture crm) : IClassFixture<ProductBrowserFixture>
{
    [Theory]
    [InlineData(1366, 768, "desktop")]
    [InlineData(390, 844, "phone")]
    public async Task Should_show_the_widgets_and_draw_the_chart(int width, int height, string name)
    {
        var page = await crm.NewPageAsync(width, height);
        await ModulesPageTests.SignInAsync(page);
        await page.GotoAsync("/");

        await Expect(page.Locator("[data-widget='cards.liability'] .kpi-value")).ToContainTextAsync("CNY");
        await Expect(page.Locator("[data-widget='cards.payments-today']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-widget='cards.lookup'] input[name='term']")).ToBeVisibleAsync();
        var chart = page.Locator("[data-widget='cards.flow'] .chart");
        await Expect(chart).ToHaveAttributeAsync("data-chart-drawn", "true");
        await Expect(chart.Locator("svg").First).ToBeVisibleAsync();

        await Screenshots.TakeAsync(page, $"home-{name}");
        (await Screenshots.OverflowAsync(page)).ShouldBe(0, "nothing on the home page is wider than the screen");

        await page.Locator("#bell summary").ClickAsync();
        await Expect(page.Locator("#bell .bell-menu")).ToBeVisibleAsync();
        (await Screenshots.OverflowAsync(page)).ShouldBe(0, "the open bell stays on the screen");
    }
}
