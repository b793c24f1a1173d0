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

    [Fact]
    public async Task Should_put_the_cursor_in_the_search_box_on_slash_and_search_with_the_keyboard()
    {
        var page = await crm.NewPageAsync();
        await ModulesPageTests.SignInAsync(page);
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator("#global-search")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("nobody-by-this-name");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#search-empty")).ToContainTextAsync("nobody-by-this-name");
        await page.Locator("body").ClickAsync();
        await page.Keyboard.PressAsync("Control+k");
        await Expect(page.Locator("#global-search")).ToBeFocusedAsync();
    }
}
