using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>An unknown page and a page the roles do not allow show the theme's error page, with the layout and a way back.</summary>
public sealed class ErrorPageBrowserTests(CrmBrowserFixture crm) : IClassFixture<CrmBrowserFixture>
{
    [Fact]
    public async Task Should_show_styled_404_and_403_pages_with_a_way_home()
    {
        var admin = await crm.NewPageAsync();
        await ModulesPageTests.SignInAsync(admin);
        var created = await admin.Context.APIRequest.PostAsync("/api/admin/users", new APIRequestContextOptions
        {
            DataObject = new { userName = "clerk-e2e", displayName = "Clerk", password = "Clerk-Passw0rd!", roles = new[] { "store-clerk" } },
        });
        created.Status.ShouldBe(201, await created.TextAsync());

        await admin.GotoAsync("/no-such-page");
        await Expect(admin.Locator(".error-page[data-status='404'] h1")).ToHaveTextAsync("Page not found");
        await Expect(admin.Locator("header.topbar")).ToBeVisibleAsync();
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/error-404.png", FullPage = true });
        await admin.Locator("[data-way-back='home']").ClickAsync();
        await admin.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await admin.Context.CloseAsync();

        var clerk = await crm.NewPageAsync();
        await clerk.GotoAsync("/account/login");
        await clerk.Locator("#UserName").FillAsync("clerk-e2e");
        await clerk.Locator("#Password").FillAsync("Clerk-Passw0rd!");
        await clerk.Locator("form[action='/account/login'] button[type=submit]").ClickAsync();
        await clerk.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await clerk.GotoAsync("/admin/users");
        await Expect(clerk.Locator(".error-page[data-status='403'] h1")).ToHaveTextAsync("Access denied");
        await Expect(clerk.Locator(".error-page .reason")).ToContainTextAsync("crm.admin.users");
        await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/error-403.png", FullPage = true });
        await clerk.Locator("[data-way-back='home']").ClickAsync();
        await clerk.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await clerk.Context.CloseAsync();
    }
}
