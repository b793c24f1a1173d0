using System.Net;
using System.Net.Http.Json;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;
using static RetailCrm.Modules.Cards.Tests.StockTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>Who may do what with card stock, by the default roles: a store clerk asks and receives, HQ approves, ships, buys and produces.</summary>
public sealed class StockPermissionsTests(CardsHost host) : IClassFixture<CardsHost>
{
    [Fact]
    public async Task Should_let_a_store_clerk_request_receive_and_count_for_their_own_store_but_not_approve_ship_buy_or_produce()
    {
        var (tenant, admin) = await TenantAsync(host.Factory, "perm");
        var product = await CreateProductAsync(admin, Product("PM"));
        var store = await StoreAsync(admin, "S500");
        await StockAsync(admin, product, 3);
        var clerk = await StoreClerkAsync(host.Factory, tenant, admin, store);

        var request = await OkAsync(await clerk.PostAsJsonAsync("/api/cards/stock/store-requests", new { storeCode = store, productId = Id(product), quantity = 2 }));
        var url = $"/api/cards/stock/store-requests/{Id(request)}";
        (await clerk.PostAsJsonAsync(url + "/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await OkAsync(await admin.PostAsJsonAsync(url + "/approve", new { }), HttpStatusCode.OK);
        (await clerk.PostAsJsonAsync(url + "/ship", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await OkAsync(await admin.PostAsJsonAsync(url + "/ship", new { }), HttpStatusCode.OK);
        (await OkAsync(await clerk.PostAsJsonAsync(url + "/receive", new { }), HttpStatusCode.OK)).GetProperty("receivedQuantity").GetInt32().ShouldBe(2);

        (await clerk.GetAsync("/api/cards/stock/report")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clerk.PostAsJsonAsync("/api/cards/stock/suppliers", new { name = "X" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ProduceAsync(clerk, product, 1)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clerk.PostAsJsonAsync("/api/cards/stock/stock-takes", new { locationCode = store })).StatusCode.ShouldBe(HttpStatusCode.Created);

        // A store's staff act for their own store only.
        var other = await StoreAsync(admin, "S501");
        await ProblemAsync(await clerk.PostAsJsonAsync("/api/cards/stock/store-requests", new { storeCode = other, productId = Id(product), quantity = 1 }),
            HttpStatusCode.Forbidden, "forbidden");
        await ProblemAsync(await clerk.PostAsJsonAsync("/api/cards/stock/stock-takes", new { locationCode = "HQ" }), HttpStatusCode.Forbidden, "forbidden");
        var hqTake = await OkAsync(await admin.PostAsJsonAsync("/api/cards/stock/stock-takes", new { locationCode = "HQ" }));
        await ProblemAsync(await clerk.PutAsJsonAsync($"/api/cards/stock/stock-takes/{Id(hqTake)}/count", new { numbers = Array.Empty<string>() }), HttpStatusCode.Forbidden, "forbidden");
        await StockAsync(admin, product, 1);
        var foreign = await OkAsync(await admin.PostAsJsonAsync("/api/cards/stock/store-requests", new { storeCode = other, productId = Id(product), quantity = 1 }));
        var foreignUrl = $"/api/cards/stock/store-requests/{Id(foreign)}";
        await OkAsync(await admin.PostAsJsonAsync(foreignUrl + "/approve", new { }), HttpStatusCode.OK);
        await OkAsync(await admin.PostAsJsonAsync(foreignUrl + "/ship", new { }), HttpStatusCode.OK);
        await ProblemAsync(await clerk.PostAsJsonAsync(foreignUrl + "/receive", new { }), HttpStatusCode.Forbidden, "forbidden");
    }
}
