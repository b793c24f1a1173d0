using System.Net;
using System.Net.Http.Json;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;
using static RetailCrm.Modules.Cards.Tests.StockTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>The card stock pages render the stock in English and Chinese.</summary>
public sealed class StockPagesTests(CardsHost host) : IClassFixture<CardsHost>
{
    [Fact]
    public async Task Should_show_the_stock_pages_in_English_and_Chinese()
    {
        var (_, client) = await TenantAsync(host.Factory, "pages");
        var product = await CreateProductAsync(client, Product("PG"));
        var store = await StoreAsync(client, "S777");
        await StockAsync(client, product, 3);
        await BlanksAsync(client, product, 4);
        await OkAsync(await ProduceAsync(client, product, 2));
        await OkAsync(await client.PostAsJsonAsync("/api/cards/stock/store-requests", new { storeCode = store, productId = Id(product), quantity = 2, note = "周末促销" }));
        await OkAsync(await client.PostAsJsonAsync("/api/cards/stock/stock-takes", new { locationCode = "HQ" }));

        var overview = await client.GetStringAsync("/cards/stock");
        overview.ShouldContain("id=\"stock-cards\"");
        overview.ShouldContain("id=\"stock-blanks\"");
        foreach (var page in new[] { "/cards/stock/purchases", "/cards/stock/production", "/cards/stock/requests", "/cards/stock/stock-takes", $"/cards/stock?locationCode={store}" })
        {
            var response = await client.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        }

        (await client.GetStringAsync("/cards/stock/requests")).ShouldContain("S777");

        var zh = new HttpRequestMessage(HttpMethod.Get, "/cards/stock");
        zh.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = WebUtility.HtmlDecode(await (await client.SendAsync(zh)).Content.ReadAsStringAsync());
        chinese.ShouldContain("<h1>卡库存</h1>", Case.Sensitive, chinese);
        chinese.ShouldContain("在库", Case.Sensitive);
    }
}
