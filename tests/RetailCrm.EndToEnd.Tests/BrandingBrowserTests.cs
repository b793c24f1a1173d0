using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>
/// A tenant admin brands their tenant from the branding page (logo, name, colour, then the high-contrast theme) and
/// sees it in every header, at a desk's and at a phone's width; the default tenant on the same server stays Basic.
/// </summary>
public sealed class BrandingBrowserTests(CrmBrowserFixture crm) : IClassFixture<CrmBrowserFixture>
{
    private const string Tenant = "jade-e2e";
    private const string Password = "Jade-Admin-Passw0rd";

    private static readonly byte[] s_logo = Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 32\"><rect width=\"64\" height=\"32\" rx=\"6\" fill=\"#0b5d3b\"/><circle cx=\"16\" cy=\"16\" r=\"9\" fill=\"#ffffff\"/></svg>");

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task Should_brand_a_tenant_and_leave_the_default_tenant_basic(int width, int height)
    {
        var tenant = $"{Tenant}-{width}";
        await CreateTenantAsync(tenant);
        var page = await crm.NewPageAsync(width, height);
        await SignInAsync(page, tenant);

        await page.GotoAsync("/admin/branding");
        await page.Locator("#branding-productName").FillAsync("Jade Mart");
        await page.Locator("#branding-primaryColor").FillAsync("#0b5d3b");
        await page.Locator("#branding-logo").SetInputFilesAsync(new FilePayload { Name = "jade.svg", MimeType = "image/svg+xml", Buffer = s_logo });
        await page.Locator("form[action='/admin/branding'] button[type=submit]").ClickAsync();

        await Expect(page.Locator("#notice")).ToContainTextAsync("Saved the branding.");
        await Expect(page.Locator("header .brand span")).ToHaveTextAsync("Jade Mart");
        await Expect(page.Locator("header a.brand")).ToHaveAccessibleNameAsync("Jade Mart");
        await Expect(page.Locator("header .brand img")).ToHaveJSPropertyAsync("complete", true);
        (await page.Locator("header .brand img").EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(0, "the logo was served and drawn");
        (await page.Locator("header .brand img").BoundingBoxAsync())!.Height.ShouldBe(32, 1);
        (await CssVariableAsync(page, "--primary")).ShouldBe("#0b5d3b");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("· Jade Mart$"));
        await Viewport.ShouldFitAsync(page, "The branding page in Basic");
        await Screenshots.TakeAsync(page, $"branding-basic-{width}");

        await page.Locator("#branding-theme").SelectOptionAsync("HighContrast");
        await page.Locator("form[action='/admin/branding'] button[type=submit]").ClickAsync();

        await Expect(page.Locator("#notice")).ToContainTextAsync("Saved the branding.");
        (await CssVariableAsync(page, "--bg")).ShouldBe("#000000");
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor")).ShouldBe("rgb(0, 0, 0)");
        await Expect(page.Locator("header .brand span")).ToHaveTextAsync("Jade Mart");
        await page.GotoAsync("/");
        (await CssVariableAsync(page, "--bg")).ShouldBe("#000000");
        await Viewport.ShouldFitAsync(page, "The home page in HighContrast");
        await Screenshots.TakeAsync(page, $"branding-high-contrast-{width}");

        var other = await crm.NewPageAsync(width, height);
        await ModulesPageTests.SignInAsync(other);
        await Expect(other.Locator("header .brand span")).ToHaveTextAsync("RetailCrm");
        await Expect(other.Locator("header .brand img")).ToHaveCountAsync(0);
        (await CssVariableAsync(other, "--bg")).ShouldBe("#f6f8fa");
        await other.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    private static Task<string> CssVariableAsync(IPage page, string name) =>
        page.EvaluateAsync<string>("name => getComputedStyle(document.documentElement).getPropertyValue(name).trim()", name);

    private async Task CreateTenantAsync(string name)
    {
        var admin = await crm.NewPageAsync();
        await ModulesPageTests.SignInAsync(admin);
        var created = await admin.Context.APIRequest.PostAsync("/api/admin/tenants", new APIRequestContextOptions
        {
            DataObject = new { name, hostNames = new[] { $"{name}.test" }, adminUserName = "admin", adminPassword = Password },
        });
        created.Status.ShouldBe(201, await created.TextAsync());
        await admin.Context.CloseAsync();
    }

    private static async Task SignInAsync(IPage page, string tenant)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#Tenant").FillAsync(tenant);
        await page.Locator("#UserName").FillAsync("admin");
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("form[action='/account/login'] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await Expect(page.Locator(".alert.error")).ToHaveCountAsync(0);
    }
}
