using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>The cards pages in the browser: a product and a stock card made at HQ, then sold, topped up and paid with at the till desk.</summary>
public sealed partial class CardsBrowserTests(ProductBrowserFixture crm) : IClassFixture<ProductBrowserFixture>
{
    [Fact]
    public async Task Should_sell_top_up_and_pay_with_a_stock_card_at_the_till_desk()
    {
        var page = await crm.NewPageAsync();
        await ModulesPageTests.SignInAsync(page);

        // HQ: a product, and one card of it into stock.
        await page.Locator("a[data-menu-key='cards.products']").ClickAsync();
        await page.Locator("#new-product").ClickAsync();
        await page.Locator("#Code").FillAsync("E2E");
        await page.Locator("#Name").FillAsync("储值卡 E2E");
        await page.Locator("#NumberPrefix").FillAsync("7711");
        await page.Locator("#MaxTopUp").FillAsync("5000");
        await page.Locator("#MaxBalance").FillAsync("10000");
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("tr[data-product='E2E']")).ToBeVisibleAsync();

        await page.Locator("a[data-menu-key='cards.numbering']").ClickAsync();
        await page.Locator("#ProductId").SelectOptionAsync(new SelectOptionValue { Label = "E2E · 储值卡 E2E" });
        await page.Locator("#Quantity").FillAsync("1");
        await page.Locator("#put-into-stock").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("put into stock");
        var number = CardNumber().Match(await page.Locator("#notice").InnerTextAsync()).Value;
        number.Length.ShouldBe(16);

        // A member to sell it to.
        await page.GotoAsync("/members/customers/new");
        await page.Locator("#DisplayName").FillAsync("周杰");
        await page.Locator("#Phone").FillAsync("136 1111 2222");
        await page.Locator("#save").ClickAsync();
        var memberCode = await page.Locator("h1 code").InnerTextAsync();

        // The till desk: look the card up, sell it with a first top-up, top up, pay.
        await page.Locator("a[data-menu-key='cards.desk']").ClickAsync();
        await page.Locator("#Number").FillAsync(number);
        await page.Locator("#lookup").ClickAsync();
        await Expect(page.Locator("#card-number")).ToHaveTextAsync(number);
        await Expect(page.Locator("#card-status")).ToHaveTextAsync("In stock");

        await page.Locator("#sell-MemberCode").FillAsync(memberCode);
        await page.Locator("#sell-InitialTopUp").FillAsync("200");
        await page.Locator("#sell").ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Card sold.");
        await Expect(page.Locator("#card-status")).ToHaveTextAsync("Active");
        await Expect(page.Locator("#card-holder")).ToContainTextAsync(memberCode);

        // One operation at a time: the command bar opens the next one.
        await page.Locator("#tab-top-up").ClickAsync();
        await page.Locator("#top-up-Amount").FillAsync("12.34");
        await page.Locator("#top-up").ClickAsync();
        await Expect(page.Locator("#card-balance")).ToHaveTextAsync("212.34 CNY");

        await page.Locator("#tab-pay").ClickAsync();
        await page.Locator("#pay-Amount").FillAsync("45.60");
        await page.Locator("#pay").ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Payment taken.");
        await Expect(page.Locator("#card-balance")).ToHaveTextAsync("166.74 CNY");
        await Expect(page.Locator("#ledger tr[data-kind='Payment']")).ToContainTextAsync("-45.60 CNY");
        await Expect(page.Locator("#ledger tr[data-kind='TopUp']")).ToHaveCountAsync(2);

        // Too many decimals: refused on the field, nothing charged.
        await page.Locator("#pay-Amount").FillAsync("1.005");
        await page.Locator("#pay-Amount").EvaluateAsync("e => e.removeAttribute('pattern')");
        await page.Locator("#pay").ClickAsync();
        await Expect(page.Locator("#pay-form .field-error")).ToHaveTextAsync("An amount has at most two decimals.");
        await Expect(page.Locator("#card-balance")).ToHaveTextAsync("166.74 CNY");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/cards-desk.png", FullPage = true });

        // HQ sees the card masked, with the same ledger.
        await page.Locator("a[data-menu-key='cards.cards']").ClickAsync();
        await page.Locator("input[name='term']").FillAsync(memberCode);
        await page.Locator("#card-search button").ClickAsync();
        await page.Locator("#cards a code").First.ClickAsync();
        await Expect(page.Locator("#card-number")).ToHaveTextAsync("************" + number[^4..]);
        await Expect(page.Locator("#card-balance")).ToHaveTextAsync("166.74 CNY");
        await Expect(page.Locator("#ledger tr[data-kind='Payment']")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/cards-card.png", FullPage = true });
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("[0-9]{16}")]
    private static partial Regex CardNumber();
}
