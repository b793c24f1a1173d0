using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>An administrator switches modules off and on in the browser and the menu follows.</summary>
public sealed class ModulesPageTests(CrmBrowserFixture crm) : IClassFixture<CrmBrowserFixture>
{
    private const string AlphaMenuLink = "a[data-menu-key='alpha.things']";
    private const string BetaMenuLink = "a[data-menu-key='beta.received']";

    [Fact]
    public async Task Should_hide_and_show_a_modules_menu_item_when_the_module_is_toggled()
    {
        var page = await crm.NewPageAsync();
        await SignInAsync(page);
        await page.GotoAsync("/admin/modules");

        // First run: every installed module is on for the default tenant.
        await Expect(page.Locator(AlphaMenuLink)).ToBeVisibleAsync();
        await Expect(page.Locator(BetaMenuLink)).ToBeVisibleAsync();
        await Expect(Badge(page, "alpha")).ToHaveTextAsync("Enabled");
        await Expect(Badge(page, "beta")).ToHaveTextAsync("Enabled");

        // beta depends on alpha, so alpha cannot go first.
        await ToggleAsync(page, "alpha");
        await Expect(page.Locator(".alert.error")).ToHaveTextAsync("'alpha' cannot be disabled: 'beta' needs it. Disable it first.");
        await Expect(Badge(page, "alpha")).ToHaveTextAsync("Enabled");
        await Expect(page.Locator(AlphaMenuLink)).ToBeVisibleAsync();

        await ToggleAsync(page, "beta");
        await Expect(page.Locator(".alert.ok")).ToHaveTextAsync("Disabled: beta.");
        await Expect(page.Locator(BetaMenuLink)).ToHaveCountAsync(0);
        await Expect(page.Locator(AlphaMenuLink)).ToBeVisibleAsync();

        await ToggleAsync(page, "alpha");
        await Expect(page.Locator(".alert.ok")).ToHaveTextAsync("Disabled: alpha.");
        await Expect(Badge(page, "alpha")).ToHaveTextAsync("Disabled");
        await Expect(page.Locator(AlphaMenuLink)).ToHaveCountAsync(0);

        await ToggleAsync(page, "alpha");
        await Expect(page.Locator(".alert.ok")).ToHaveTextAsync("Enabled: alpha.");
        await Expect(Badge(page, "alpha")).ToHaveTextAsync("Enabled");
        await Expect(page.Locator(AlphaMenuLink)).ToBeVisibleAsync();
        await Expect(page.Locator(BetaMenuLink)).ToHaveCountAsync(0);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/modules-page.png", FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Should_fit_the_home_page_on_a_phone()
    {
        var page = await crm.NewPageAsync(width: 390, height: 844);
        await SignInAsync(page);
        await page.GotoAsync("/");

        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/phone.png", FullPage = true });
        var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        pageWidth.ShouldBeLessThanOrEqualTo(390, "The home page scrolls sideways at phone width.");

        // The menu folds behind the ☰ button on a narrow screen and opens with it.
        await Expect(page.Locator(AlphaMenuLink)).ToBeHiddenAsync();
        await page.Locator("label[for='nav-toggle']").ClickAsync();
        await Expect(page.Locator(AlphaMenuLink)).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/phone-menu.png", FullPage = true });
        await page.Context.CloseAsync();
    }

    private static ILocator Badge(IPage page, string moduleId) => page.Locator($"tr[data-module='{moduleId}'] .badge");

    internal static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        // The tenant field stays empty: on localhost/127.0.0.1 the host name picks the default tenant.
        await page.Locator("#UserName").FillAsync(CrmBrowserFixture.AdminUserName);
        await page.Locator("#Password").FillAsync(CrmBrowserFixture.AdminPassword);
        await page.Locator("form[action='/account/login'] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await Expect(page.Locator(".alert.error")).ToHaveCountAsync(0);
    }

    internal static Task ToggleAsync(IPage page, string moduleId) =>
        page.Locator($"tr[data-module='{moduleId}'] button[data-toggle='{moduleId}']").ClickAsync();
}
