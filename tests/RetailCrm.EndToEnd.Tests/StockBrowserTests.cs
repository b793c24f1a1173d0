using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>The card stock pages in the browser: a store asks HQ for cards, HQ approves and ships them, the store receives them.</summary>
public sealed class StockBrowserTests(ProductBrowserFixture crm) : IClassFixture<ProductBrowserFixture>
{
    [Fact]
    public async Task Should_request_approve_ship_and_receive_cards_on_the_stock_pages()
    {
        var page = await crm.NewPageAsync();
        await ModulesPageTests.SignInAsync(page);

        // HQ: a product with two cards in stock, and a store to send them to.
        await page.Locator("a[data-menu-key='cards.products']").ClickAsync();
        await page.Locator("#new-product").ClickAsync();
        await page.Locator("#Code").FillAsync("STK");
        await page.Locator("#Name").FillAsync("储值卡 STK");
        await page.Locator("#NumberPrefix").FillAsync("7722");
        await page.Locator("#MaxTopUp").FillAsync("5000");
        await page.Locator("#MaxBalance").FillAsync("10000");
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("tr[data-product='STK']")).ToBeVisibleAsync();

        await page.GotoAsync("/cards/stock/numbering");
        await page.Locator("#ProductId").SelectOptionAsync(new SelectOptionValue { Label = "STK · 储值卡 STK" });
        await page.Locator("#Quantity").FillAsync("2");
        await page.Locator("#put-into-stock").ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("put into stock");
        await StoreAsync(page, "S910");

        // The store's request.
        await page.Locator("a[data-menu-key='cards.stock.requests']").ClickAsync();
        await page.Locator("#request-StoreCode").SelectOptionAsync("S910");
        await page.Locator("#request-ProductId").SelectOptionAsync(new SelectOptionValue { Label = "STK · 储值卡 STK" });
        await page.Locator("#request-Quantity").FillAsync("2");
        await page.Locator("#request-Note").FillAsync("周末促销");
        await page.Locator("#send-request").ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Request sent to HQ.");
        await Expect(page.Locator("#request-status")).ToHaveTextAsync("Requested");

        // HQ approves the 2 and ships them (HQ picks the cards).
        await page.Locator("#approve-Quantity").FillAsync("2");
        await page.Locator("#approve").ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Request approved.");
        await Expect(page.Locator("#request-approved")).ToContainTextAsync("2");

        await page.Locator("#ship").ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Cards shipped to the store.");
        await Expect(page.Locator("#request-status")).ToHaveTextAsync("Shipped");
        await Expect(page.Locator("#shipped-numbers li")).ToHaveCountAsync(2);

        // The store receives everything that was shipped.
        await page.Locator("#receive").ClickAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync("Shipment received into the store's stock.");
        await Expect(page.Locator("#request-status")).ToHaveTextAsync("Received");
        await Expect(page.Locator("#request-received")).ToContainTextAsync("2");
        await Expect(page.Locator("#receive-form")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/stock-request.png", FullPage = true });

        await page.GotoAsync("/cards/stock?locationCode=S910");
        await Expect(page.Locator("#stock-cards")).ToContainTextAsync("At store");
        await page.Context.CloseAsync();
    }

    /// <summary>Adds a store under the head office through the admin API, with the browser's own session.</summary>
    private static async Task StoreAsync(IPage page, string code)
    {
        var units = await page.Context.APIRequest.GetAsync("/api/admin/organization-units");
        units.Ok.ShouldBeTrue(await units.TextAsync());
        var list = (await units.JsonAsync())!.Value;
        var hq = list.EnumerateArray().First(u => u.GetProperty("kind").GetString() == "Headquarters").GetProperty("id").GetGuid();
        var created = await page.Context.APIRequest.PostAsync("/api/admin/organization-units", new APIRequestContextOptions
        {
            DataObject = new { parentId = hq, name = "Store " + code, code, kind = "Store" },
        });
        created.Ok.ShouldBeTrue(await created.TextAsync());
    }
}
