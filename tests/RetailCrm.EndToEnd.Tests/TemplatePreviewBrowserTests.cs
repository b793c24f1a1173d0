using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>The template editor previews the text against the sample model while the admin types, and shows a mistake with its line and column.</summary>
public sealed class TemplatePreviewBrowserTests(CrmBrowserFixture crm) : IClassFixture<CrmBrowserFixture>
{
    [Fact]
    public async Task Should_preview_the_template_while_typing_and_show_an_error_with_line_and_column()
    {
        var page = await crm.NewPageAsync();
        await ModulesPageTests.SignInAsync(page);
        await page.GotoAsync("/admin/templates/crm.mail-check?language=en");
        await Expect(page.Locator("[data-preview='subject']")).ToHaveTextAsync("RetailCrm e-mail check for default");

        await page.Locator("#template-text").FillAsync("{{ capture subject }}Live {{ tenant_name }}{{ end }}Typed by {{ requested_by }}.");
        await Expect(page.Locator("[data-preview='subject']")).ToHaveTextAsync("Live default");
        await Expect(page.Locator("[data-preview='text']")).ToHaveTextAsync("Typed by admin.");

        await page.Locator("#template-text").FillAsync("Hello\n{{ if }}");
        await Expect(page.Locator("[data-preview='errors'] li").First).ToContainTextAsync("Line 2, column ");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/template-preview.png", FullPage = true });
        await page.Context.CloseAsync();
    }
}
