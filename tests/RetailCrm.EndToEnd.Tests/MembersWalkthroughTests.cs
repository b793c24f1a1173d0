using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>The product as a new user meets it: sign in, keep a customer, switch the members module off and on.</summary>
public sealed class MembersWalkthroughTests(ProductBrowserFixture crm) : IClassFixture<ProductBrowserFixture>
{
    private const string CustomersMenuLink = "a[data-menu-key='members.customers']";

    [Fact]
    public async Task Should_keep_a_customer_and_lose_and_regain_the_module_with_its_data()
    {
        var page = await crm.NewPageAsync();
        await ModulesPageTests.SignInAsync(page);

        await page.Locator(CustomersMenuLink).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New person" }).ClickAsync();
        await page.Locator("#DisplayName").FillAsync("赵敏");
        await page.Locator("#Phone").FillAsync("137 1234 5678");
        await page.Locator("#Email").FillAsync("Zhao.Min@Example.cn");
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("赵敏");
        await Expect(page.Locator("#master")).ToContainTextAsync("+8613712345678");
        await Expect(page.Locator("#master")).ToContainTextAsync("zhao.min@example.cn");

        // The same phone typed differently is caught before it is saved.
        await page.GotoAsync("/members/customers/new");
        await page.Locator("#DisplayName").FillAsync("Zhao Min");
        await page.Locator("#Phone").FillAsync("+86 13712345678");
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#duplicates")).ToContainTextAsync("赵敏");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/members-duplicate.png", FullPage = true });

        await page.GotoAsync("/admin/modules");
        await ModulesPageTests.ToggleAsync(page, "members");
        await Expect(page.Locator(".alert.error")).ToHaveTextAsync("'members' cannot be disabled: 'analysis', 'cards', 'sales', 'service' need it. Disable them first.");
        await ModulesPageTests.ToggleAsync(page, "analysis");
        await Expect(page.Locator(".alert.ok")).ToHaveTextAsync("Disabled: analysis.");
        await ModulesPageTests.ToggleAsync(page, "cards");
        await Expect(page.Locator(".alert.ok")).ToHaveTextAsync("Disabled: cards.");
        await ModulesPageTests.ToggleAsync(page, "sales");
        await Expect(page.Locator(".alert.ok")).ToHaveTextAsync("Disabled: sales.");
        await ModulesPageTests.ToggleAsync(page, "service");
        await Expect(page.Locator(".alert.ok")).ToHaveTextAsync("Disabled: service.");
        await ModulesPageTests.ToggleAsync(page, "members");
        await Expect(page.Locator(".alert.ok")).ToHaveTextAsync("Disabled: members.");
        await Expect(page.Locator(CustomersMenuLink)).ToHaveCountAsync(0);
        var gone = await page.GotoAsync("/members/customers");
        gone!.Status.ShouldBe(404);

        await page.GotoAsync("/admin/modules");
        await ModulesPageTests.ToggleAsync(page, "members");
        await page.Locator(CustomersMenuLink).ClickAsync();
        await Expect(page.Locator("#customers")).ToContainTextAsync("赵敏");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/members-list.png", FullPage = true });
        await page.Context.CloseAsync();
    }
}
