using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>
/// The till desk as a clerk works it, with the keyboard only: sign in, look the card up, pay (the cursor is already in the
/// amount), reverse that payment with Alt+R, open the receipt; on a desktop till and on a phone, nothing past the screen's edge.
/// </summary>
public sealed class TillDeskBrowserTests(ProductBrowserFixture crm) : IClassFixture<ProductBrowserFixture>
{
    [Theory]
    [InlineData(1366, 768, "en")]
    [InlineData(390, 844, "en")]
    [InlineData(1366, 768, "zh-CN")]
    [InlineData(390, 844, "zh-CN")]
    public async Task Should_pay_reverse_and_print_with_the_keyboard_only(int width, int height, string language)
    {
        var shot = (string step) => $"till-desk-{(width < 720 ? "phone" : "desktop")}-{language}-{step}";
        var words = language == "en" ? s_english : s_chinese;
        var (number, clerk) = await ActiveCardAndClerkAsync(width, language);

        // The browser's language (Accept-Language) picks the desk's: no click on the language buttons.
        var page = await crm.NewPageAsync(width, height, language);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/account/login");
        await Expect(page.Locator("#UserName")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(clerk);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(ClerkPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        // Look-up: the box has the cursor; after it the cursor is in the payment's amount.
        await page.GotoAsync("/cards/desk");
        await Expect(page.Locator("#Number")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(number);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#card-number")).ToHaveTextAsync(number);
        await Expect(page.Locator("#card-balance")).ToHaveTextAsync("100.00 CNY");
        await Expect(page.Locator("#pay-Amount")).ToBeFocusedAsync();
        await Expect(page.Locator("#top-up-form")).ToBeHiddenAsync();
        await Expect(page.Locator("#tab-pay kbd")).ToHaveTextAsync("F2");
        await Viewport.ShouldFitAsync(page, shot("card"));
        if (width >= 1000)
        {
            var pay = await page.Locator("#pay").BoundingBoxAsync();
            (pay!.Y + pay.Height).ShouldBeLessThanOrEqualTo(height, "the payment form fits the till's screen without scrolling");
        }

        await Screenshots.TakeAsync(page, shot("card"));

        // Esc goes back to the look-up box, F2 back to the amount; the theme's "/" still finds the global search.
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#Number")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Alt+KeyT");
        await Expect(page.Locator("#top-up-Amount")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("F2");
        await Expect(page.Locator("#pay-Amount")).ToBeFocusedAsync();
        await Expect(page.Locator("#top-up-form")).ToBeHiddenAsync();

        // Pay: the balance falls, the receipt is offered and the cursor waits for the next card.
        await page.Keyboard.TypeAsync("12.50");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Expect(page.Locator("#notice")).ToHaveTextAsync(words.Paid);
        await Expect(page.Locator("#card-balance")).ToHaveTextAsync("87.50 CNY");
        await Expect(page.Locator("#Number")).ToBeFocusedAsync();
        await Expect(page.Locator("#print-receipt")).ToBeVisibleAsync();
        await Viewport.ShouldFitAsync(page, shot("paid"));
        await Screenshots.TakeAsync(page, shot("paid"));

        // Alt+R: the last payment's reverse button; Enter (and the confirmation) reverses it.
        await page.Keyboard.PressAsync("Alt+KeyR");
        await Expect(page.Locator("#op-payments")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-reverse='last']")).ToBeFocusedAsync();
        await Viewport.ShouldFitAsync(page, shot("payments"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#notice")).ToHaveTextAsync(words.Reversed);
        await Expect(page.Locator("#card-balance")).ToHaveTextAsync("100.00 CNY");
        await Expect(page.Locator("#last-receipt")).ToContainTextAsync(words.Reversal);
        await Expect(page.Locator("#Number")).ToBeFocusedAsync();

        // The receipt: Tab past the look-up button to the link, Enter opens the slip.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#print-receipt")).ToBeFocusedAsync();
        var receipt = await page.Context.RunAndWaitForPageAsync(() => page.Keyboard.PressAsync("Enter"));
        await receipt.WaitForLoadStateAsync();
        await Expect(receipt.Locator("#receipt")).ToContainTextAsync(words.Reversal);
        await Expect(receipt.Locator("#receipt")).ToContainTextAsync("12.50 CNY");
        await Expect(receipt.Locator("#receipt")).ToContainTextAsync("************" + number[^4..]);
        await Expect(receipt.Locator("#receipt")).ToContainTextAsync(clerk);
        await Viewport.ShouldFitAsync(receipt, shot("receipt"));
        await Screenshots.TakeAsync(receipt, shot("receipt"));

        await page.Locator("body").PressAsync("/");
        await Expect(page.Locator("#global-search")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    private const string ClerkPassword = "Clerk-Passw0rd!";

    private sealed record Words(string Paid, string Reversed, string Reversal);

    private static readonly Words s_english = new("Payment taken.", "Payment reversed.", "Reversal");
    private static readonly Words s_chinese = new("支付成功。", "支付已冲正。", "冲正");

    /// <summary>Set up by the admin over the API (not part of the walk): a product, one card sold with 100.00 CNY on it, a store clerk.</summary>
    private async Task<(string Number, string Clerk)> ActiveCardAndClerkAsync(int width, string language)
    {
        var admin = await crm.NewPageAsync();
        await ModulesPageTests.SignInAsync(admin);
        var api = admin.Context.APIRequest;
        var product = await PostAsync(api, "/api/cards/products", 201, new
        {
            code = $"TD{width}{language[..2]}", name = $"Till {width} {language}", kind = "StoredValue", currency = "CNY",
            numberPrefix = (width < 720 ? "773" : "774") + (language == "en" ? "4" : "5"), numberLength = 16,
            validityMonths = 24, fee = 0, deposit = 2_000, discountPercent = 0, pointsPerUnit = 1, pointsUnitAmount = 100, pointsRounding = "Down",
            minTopUp = 100, maxTopUp = 500_000, maxBalance = 1_000_000, pinRequired = false, pinMaxAttempts = 3,
        });
        var stocked = await PostAsync(api, "/api/cards/cards", 201, new { productId = product.GetProperty("id").GetGuid(), quantity = 1 });
        var number = stocked[0].GetProperty("number").GetString()!;
        var member = await PostAsync(api, "/api/members/customers", 201, new { customer = new { kind = "Person", displayName = "陈静" }, keepDespiteDuplicates = true });
        await PostAsync(api, $"/api/cards/cards/{number}/activation", 200, new { memberCode = member.GetProperty("code").GetString(), initialTopUp = 10_000 });
        var clerk = $"till-{width}-{language[..2]}";
        await PostAsync(api, "/api/admin/users", 201, new { userName = clerk, displayName = clerk, password = ClerkPassword, roles = new[] { "store-clerk" } });
        await admin.Context.CloseAsync();
        return (number, clerk);
    }

    private static async Task<JsonElement> PostAsync(IAPIRequestContext api, string url, int status, object body)
    {
        var response = await api.PostAsync(url, new APIRequestContextOptions { DataObject = body });
        response.Status.ShouldBe(status, await response.TextAsync());
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }
}
