using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>
/// The cards "done when" walk in the browser: a stock card sold and topped up at store A's desk, paid with at store B's
/// desk, exchanged at HQ, and the day's settlement showing what each store owes HQ or is owed.
/// </summary>
public sealed partial class CardsDoneWhenBrowserTests(ProductBrowserFixture crm) : IClassFixture<ProductBrowserFixture>
{
    [Fact]
    public async Task Should_sell_at_store_A_pay_at_store_B_exchange_and_settle_the_day()
    {
        var page = await crm.NewPageAsync();
        await ModulesPageTests.SignInAsync(page);

        // Two stores under HQ.
        foreach (var (code, name) in new[] { ("SA", "Store A"), ("SB", "Store B") })
        {
            await page.GotoAsync("/admin/units");
            var form = page.Locator("form[data-form='new-unit']");
            await form.Locator("input[name='name']").FillAsync(name);
            await form.Locator("input[name='code']").FillAsync(code);
            await form.Locator("select[name='kind']").SelectOptionAsync("Store");
            await form.Locator("button[type='submit']").ClickAsync();
            await Expect(page.Locator($"#unit-{code}")).ToBeVisibleAsync();
        }

        // HQ: a product and two cards of it in stock (one to sell, one to exchange onto).
        await page.Locator("a[data-menu-key='cards.products']").ClickAsync();
        await page.Locator("#new-product").ClickAsync();
        await page.Locator("#Code").FillAsync("DONE");
        await page.Locator("#Name").FillAsync("储值卡 Done");
        await page.Locator("#NumberPrefix").FillAsync("7722");
        await page.Locator("#MaxTopUp").FillAsync("5000");
        await page.Locator("#MaxBalance").FillAsync("10000");
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("tr[data-product='DONE']")).ToBeVisibleAsync();

        await page.Locator("a[data-menu-key='cards.numbering']").ClickAsync();
        await page.Locator("#ProductId").SelectOptionAsync(new SelectOptionValue { Label = "DONE · 储值卡 Done" });
        await page.Locator("#Quantity").FillAsync("2");
        await page.Locator("#put-into-stock").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("put into stock");
        var number = CardNumber().Match(await page.Locator("#notice").InnerTextAsync()).Value;
        number.Length.ShouldBe(16);

        await page.GotoAsync("/members/customers/new");
        await page.Locator("#DisplayName").FillAsync("李娜");
        await page.Locator("#Phone").FillAsync("136 3333 4444");
        await page.Locator("#save").ClickAsync();
        var memberCode = await page.Locator("h1 code").InnerTextAsync();

        // Store A: sell with a first top-up, then top up.
        await LookUpAsync(page, number, "SA");
        await page.Locator("#sell-MemberCode").FillAsync(memberCode);
        await page.Locator("#sell-InitialTopUp").FillAsync("100");
        await page.Locator("#sell").ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Card sold.");
        await page.Locator("#tab-top-up").ClickAsync();
        await page.Locator("#top-up-Amount").FillAsync("50");
        await page.Locator("#top-up").ClickAsync();
        await Expect(page.Locator("#card-balance")).ToHaveTextAsync("150.00 CNY");

        // Store B: a payment.
        await LookUpAsync(page, number, "SB");
        await page.Locator("#tab-pay").ClickAsync();
        await page.Locator("#pay-Amount").FillAsync("30");
        await page.Locator("#pay").ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Payment taken.");
        await Expect(page.Locator("#card-balance")).ToHaveTextAsync("120.00 CNY");

        // HQ: exchange onto a card from HQ stock; the desk moves to the new card.
        await LookUpAsync(page, number, "");
        await page.Locator("#tab-exchange").ClickAsync();
        await Expect(page.Locator("#exchange-fee")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/cards-desk-hq.png", FullPage = true });
        await page.Locator("#exchange-NewNumber").SelectOptionAsync("");
        await page.Locator("#exchange").ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Card exchanged: its balance and points moved to this new card.");
        await Expect(page.Locator("#card-number")).Not.ToHaveTextAsync(number);
        await Expect(page.Locator("#card-balance")).ToHaveTextAsync("120.00 CNY");
        await Expect(page.Locator("#card-holder")).ToContainTextAsync(memberCode);

        // The day's settlement: A took the money in and owes HQ; B gave goods for it and is owed.
        await page.Locator("a[data-menu-key='cards.settlement']").ClickAsync();
        await Expect(page.Locator("#settlement-sign")).ToContainTextAsync("store owes HQ");
        var storeA = page.Locator("#settlement tr[data-store='SA']");
        var storeB = page.Locator("#settlement tr[data-store='SB']");
        await Expect(storeA.Locator(".taken-in")).ToContainTextAsync("150.00 CNY");
        await Expect(storeA.Locator(".owes")).ToHaveTextAsync("store owes HQ");
        await Expect(storeB.Locator(".redeemed")).ToContainTextAsync("30.00 CNY");
        await Expect(storeB.Locator(".net")).ToContainTextAsync("-30.00 CNY");
        await Expect(storeB.Locator(".owes")).ToHaveTextAsync("HQ owes store");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/cards-settlement.png", FullPage = true });

        await storeB.Locator("a.drill-down").ClickAsync();
        await Expect(page.Locator("#settlement-transactions tr[data-kind='Payment']")).ToContainTextAsync("************" + number[^4..]);
        await page.Context.CloseAsync();
    }

    /// <summary>Looks the card up at the desk of a store (empty: HQ).</summary>
    private static async Task LookUpAsync(IPage page, string number, string store)
    {
        await page.GotoAsync("/cards/desk");
        await page.Locator("#StoreCode").SelectOptionAsync(store);
        await page.Locator("#Number").FillAsync(number);
        await page.Locator("#lookup").ClickAsync();
        await Expect(page.Locator("#card-number")).ToHaveTextAsync(number);
    }

    [GeneratedRegex("[0-9]{16}")]
    private static partial Regex CardNumber();
}
