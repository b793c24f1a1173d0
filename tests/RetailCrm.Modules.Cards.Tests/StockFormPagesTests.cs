using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;
using static RetailCrm.Modules.Cards.Tests.StockTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>The card stock pages' forms over HTTP on the real host: HQ buys blanks and produces, a store asks and receives, a stock-take finds a missing card.</summary>
public sealed partial class StockFormPagesTests(CardsHost host) : IClassFixture<CardsHost>
{
    private const string Purchases = "/cards/stock/purchases";
    private const string Production = "/cards/stock/production";
    private const string Requests = "/cards/stock/requests";
    private const string StockTakes = "/cards/stock/stock-takes";

    [Fact]
    public async Task Should_buy_blanks_in_two_batches_refuse_an_over_receipt_at_the_field_and_produce_a_run_with_one_spoiled_card()
    {
        var (_, client) = await TenantAsync(host.Factory, "buyui");
        var product = await CreateProductAsync(client, Product("BU"));

        (await client.GetStringAsync(Purchases)).ShouldNotContain("JSON API");
        (await client.SubmitAndFollowAsync(Purchases, Purchases + "/suppliers", ("Name", "Shenzhen Card Works"), ("Contact", "李强"), ("Email", "sales@cardworks.example")))
            .ShouldContain("Supplier added.");
        var supplier = (await client.GetFromJsonAsync<JsonElement>("/api/cards/stock/suppliers"))[0];

        var badPrice = await client.SubmitRefusedAsync(Purchases, Purchases,
            ("SupplierId", Id(supplier).ToString()), ("ProductId", Id(product).ToString()), ("Quantity", "10"), ("UnitPrice", "1.505"));
        badPrice.ShouldContain("An amount has at most two decimals.");
        var created = await client.SubmitAndFollowAsync(Purchases, Purchases,
            ("SupplierId", Id(supplier).ToString()), ("ProductId", Id(product).ToString()), ("Quantity", "10"), ("UnitPrice", "1.50"), ("ExpectedDate", "2026-12-15"));
        created.ShouldContain("Purchase order created.");
        var order = (await client.GetFromJsonAsync<JsonElement>("/api/cards/stock/purchase-orders"))[0];
        order.GetProperty("unitPrice").GetInt64().ShouldBe(150);
        order.GetProperty("status").GetString().ShouldBe("Draft");
        var orderUrl = $"{Purchases}/{Id(order)}";

        (await client.SubmitAndFollowAsync(Purchases, orderUrl + "/order")).ShouldContain("Purchase order placed with the supplier.");
        (await client.SubmitAndFollowAsync(Purchases, orderUrl + "/receive", ("Quantity", "6"), ("BatchReference", "LOT-1"))).ShouldContain("Batch received into HQ blank stock.");

        var over = await client.SubmitAsync(Purchases, orderUrl + "/receive", ("Quantity", "5"), ("BatchReference", "LOT-2"));
        over.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var overPage = WebUtility.HtmlDecode(await over.Content.ReadAsStringAsync());
        var receiveForm = HtmlForms.Form(overPage, orderUrl + "/receive");
        receiveForm.ShouldContain("Only 4 of 10 ordered are still to come; a receipt cannot exceed the order.");
        receiveForm.ShouldContain("value=\"LOT-2\"");

        var received = await client.SubmitAndFollowAsync(Purchases, orderUrl + "/receive", ("Quantity", "4"), ("BatchReference", "LOT-2"));
        received.ShouldNotContain($"action=\"{orderUrl}/receive\"");
        var done = await client.GetFromJsonAsync<JsonElement>($"/api/cards/stock/purchase-orders/{Id(order)}");
        done.GetProperty("status").GetString().ShouldBe("Received");
        done.GetProperty("receipts").GetArrayLength().ShouldBe(2);
        Blanks(await ReportAsync(client), "HQ", product).ShouldBe(10);

        // Production: a run of 3 from the blanks, put away with one card spoiled.
        (await client.SubmitRefusedAsync(Production, Production, ("ProductId", Id(product).ToString()), ("Quantity", "11"))).ShouldContain("HQ (HQ) has 10 blank(s) of this product; the run needs 11.");
        (await client.SubmitAndFollowAsync(Production, Production, ("ProductId", Id(product).ToString()), ("Quantity", "3"))).ShouldContain("Production run made; check it and put it away.");
        var run = (await client.GetFromJsonAsync<JsonElement>("/api/cards/stock/production"))[0];
        var produced = (await client.GetFromJsonAsync<JsonElement>("/api/cards/stock/cards?status=Produced")).EnumerateArray().Select(c => c.GetProperty("number").GetString()!).ToArray();
        produced.Length.ShouldBe(3);
        var putAway = $"{Production}/{Id(run)}/put-away";

        (await client.SubmitRefusedAsync(Production, putAway, ("Spoiled", produced[0]))).ShouldContain("Say why the cards are spoiled.");
        (await client.SubmitAndFollowAsync(Production, putAway, ("Spoiled", produced[0] + "\n"), ("SpoiledReason", "印刷污损"))).ShouldContain("Run put away into HQ stock.");

        var checkedRun = await client.GetFromJsonAsync<JsonElement>($"/api/cards/stock/production/{Id(run)}");
        checkedRun.GetProperty("putAwayCount").GetInt32().ShouldBe(2);
        checkedRun.GetProperty("spoiledCount").GetInt32().ShouldBe(1);
        (await CardAsync(client, produced[0])).GetProperty("status").GetString().ShouldBe("Void");
        Blanks(await ReportAsync(client), "HQ", product).ShouldBe(7);
        (await client.GetStringAsync(Production)).ShouldNotContain($"action=\"{putAway}\"");
    }

    [Fact]
    public async Task Should_let_a_store_clerk_ask_for_cards_HQ_approve_and_ship_and_the_clerk_receive()
    {
        var (tenant, admin) = await TenantAsync(host.Factory, "requi");
        var product = await CreateProductAsync(admin, Product("RQ"));
        var store = await StoreAsync(admin, "S610");
        await StockAsync(admin, product, 3);
        var clerk = await StoreClerkAsync(host.Factory, tenant, admin, store);

        (await clerk.GetStringAsync(Requests)).ShouldContain($"<input type=\"hidden\" name=\"StoreCode\" value=\"{store}\" />");
        (await clerk.GetStringAsync(Purchases)).ShouldNotContain("id=\"supplier-form\"");
        (await clerk.GetStringAsync(StockTakes)).ShouldContain("id=\"open-form\"");

        var asked = await clerk.SubmitAndFollowAsync(Requests, Requests, ("ProductId", Id(product).ToString()), ("Quantity", "2"), ("Note", "周末促销"));
        asked.ShouldContain("Request sent to HQ.");
        asked.ShouldNotContain("id=\"approve-form\"");
        var request = (await admin.GetFromJsonAsync<JsonElement>("/api/cards/stock/store-requests"))[0];
        request.GetProperty("storeCode").GetString().ShouldBe(store);
        var page = $"{Requests}/{Id(request)}";

        // The clerk may not approve: the action is refused even with a good form token.
        var clerkForm = await clerk.GetStringAsync(Requests);
        var refused = await clerk.PostAsync(page + "/approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(clerkForm).Groups[1].Value,
            ["FormToken"] = Guid.NewGuid().ToString("N"),
            ["Quantity"] = "2",
        }));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await admin.SubmitRefusedAsync(page, page + "/approve", ("Quantity", "3"))).ShouldContain("At most the 2 requested can be approved.");
        (await admin.SubmitAndFollowAsync(page, page + "/approve", ("Quantity", "2"))).ShouldContain("Request approved.");
        var shipped = await admin.SubmitAndFollowAsync(page, page + "/ship", ("Numbers", ""));
        shipped.ShouldContain("Cards shipped to the store.");
        shipped.ShouldContain("id=\"shipped-numbers\"");

        var clerkPage = await clerk.GetStringAsync(page);
        clerkPage.ShouldNotContain("id=\"ship-form\"");
        var shippedNumbers = Strings((await admin.GetFromJsonAsync<JsonElement>($"/api/cards/stock/store-requests/{Id(request)}")).GetProperty("shippedNumbers"));
        var received = await clerk.SubmitAndFollowAsync(page, page + "/receive", ("Numbers", shippedNumbers[0] + "\n"));
        received.ShouldContain("Shipment received into the store's stock.");
        received.ShouldNotContain("id=\"receive-form\"");
        (await clerk.GetStringAsync(page)).ShouldNotContain("id=\"missing-form\"", customMessage: "settling missing cards is HQ's");

        // One card never arrived; HQ finds it in the dispatch room and takes it back into stock.
        var hqInStock = CountOf(await ReportAsync(admin), "HQ", product, "InStock");
        (await admin.SubmitRefusedAsync(page, page + "/missing", ("Resolution", "ReturnToHq"), ("Reason", ""))).ShouldContain("Give the reason.");
        (await admin.SubmitAndFollowAsync(page, page + "/missing", ("Resolution", "ReturnToHq"), ("Reason", "在发货室找到"))).ShouldContain("Missing cards settled.");

        var done = await admin.GetFromJsonAsync<JsonElement>($"/api/cards/stock/store-requests/{Id(request)}");
        done.GetProperty("status").GetString().ShouldBe("Received");
        done.GetProperty("receivedQuantity").GetInt32().ShouldBe(1);
        var report = await ReportAsync(admin);
        CountOf(report, store, product, "AtStore").ShouldBe(1);
        CountOf(report, store, product, "InTransit").ShouldBe(0);
        CountOf(report, "HQ", product, "InStock").ShouldBe(hqInStock + 1);
    }

    [Fact]
    public async Task Should_cancel_a_purchase_reject_a_request_with_a_reason_and_ship_typed_numbers()
    {
        var (_, client) = await TenantAsync(host.Factory, "rejui");
        var product = await CreateProductAsync(client, Product("RJ"));
        var store = await StoreAsync(client, "S630");
        var numbers = await StockAsync(client, product, 2);
        var supplier = await SupplierAsync(client);

        await client.SubmitAndFollowAsync(Purchases, Purchases, ("SupplierId", supplier.ToString()), ("ProductId", Id(product).ToString()), ("Quantity", "5"), ("UnitPrice", "2"));
        var order = (await client.GetFromJsonAsync<JsonElement>("/api/cards/stock/purchase-orders"))[0];
        (await client.SubmitAndFollowAsync(Purchases, $"{Purchases}/{Id(order)}/cancel")).ShouldContain("Purchase order cancelled.");
        (await client.GetFromJsonAsync<JsonElement>($"/api/cards/stock/purchase-orders/{Id(order)}")).GetProperty("status").GetString().ShouldBe("Cancelled");

        await client.SubmitAndFollowAsync(Requests, Requests, ("StoreCode", store), ("ProductId", Id(product).ToString()), ("Quantity", "1"));
        var rejected = (await client.GetFromJsonAsync<JsonElement>("/api/cards/stock/store-requests"))[0];
        var page = $"{Requests}/{Id(rejected)}";
        (await client.SubmitRefusedAsync(page, page + "/reject", ("Reason", ""))).ShouldContain("Say why the request is rejected.");
        var afterReject = await client.SubmitAndFollowAsync(page, page + "/reject", ("Reason", "库存不足"));
        afterReject.ShouldContain("Request rejected.");
        afterReject.ShouldContain("库存不足");
        afterReject.ShouldNotContain("id=\"approve-form\"");

        await client.SubmitAndFollowAsync(Requests, Requests, ("StoreCode", store), ("ProductId", Id(product).ToString()), ("Quantity", "1"));
        var shipped = (await client.GetFromJsonAsync<JsonElement>("/api/cards/stock/store-requests")).EnumerateArray().Single(r => r.GetProperty("status").GetString() == "Requested");
        page = $"{Requests}/{Id(shipped)}";
        await client.SubmitAndFollowAsync(page, page + "/approve", ("Quantity", "1"));
        (await client.SubmitRefusedAsync(page, page + "/ship", ("Numbers", numbers[0] + "\n" + numbers[1]))).ShouldContain("List 1 to 1 (the approved quantity) different card numbers.");
        (await client.SubmitAndFollowAsync(page, page + "/ship", ("Numbers", numbers[1]))).ShouldContain($"<code>{numbers[1]}</code>");
        (await CardAsync(client, numbers[1])).GetProperty("status").GetString().ShouldBe("InTransit");
        (await CardAsync(client, numbers[0])).GetProperty("status").GetString().ShouldBe("InStock");
    }

    [Fact]
    public async Task Should_show_a_missing_card_after_a_stock_take_and_write_it_off()
    {
        var (_, client) = await TenantAsync(host.Factory, "takeui");
        var product = await CreateProductAsync(client, Product("ST"));
        var numbers = await StockAsync(client, product, 3);

        var opened = await client.SubmitAndFollowAsync(StockTakes, StockTakes, ("LocationCode", "HQ"));
        opened.ShouldContain("Stock-take opened; count the cards and blanks.");
        var take = (await client.GetFromJsonAsync<JsonElement>("/api/cards/stock/stock-takes"))[0];
        var page = $"{StockTakes}/{Id(take)}";

        (await client.SubmitRefusedAsync(page, page + "/count", ("Numbers", numbers[0] + "\n" + numbers[0]))).ShouldContain("Every counted number is 1 to 32 characters and listed once.");
        (await client.SubmitAndFollowAsync(page, page + "/count", ("Numbers", numbers[0] + "\r\n" + numbers[1] + "\r\n"))).ShouldContain("Count saved.");
        var closed = await client.SubmitAndFollowAsync(page, page + "/close");
        closed.ShouldContain("Stock-take closed; see the differences.");
        closed.ShouldContain("id=\"missing-numbers\"");
        closed.ShouldContain($"<code>{numbers[2]}</code>");
        closed.ShouldContain("id=\"write-off-form\"");

        (await client.SubmitRefusedAsync(page, page + "/write-off", ("Reason", " "))).ShouldContain("Say why the differences are written off.");
        var writtenOff = await client.SubmitAndFollowAsync(page, page + "/write-off", ("Reason", "盘点丢失"));
        writtenOff.ShouldContain("Differences written off.");
        writtenOff.ShouldNotContain("id=\"write-off-form\"");
        (await CardAsync(client, numbers[2])).GetProperty("status").GetString().ShouldBe("Void");
        (await CardAsync(client, numbers[1])).GetProperty("status").GetString().ShouldBe("InStock");
    }

    [Fact]
    public async Task Should_receive_once_when_a_receive_form_is_sent_twice()
    {
        var (_, client) = await TenantAsync(host.Factory, "twiceui");
        var product = await CreateProductAsync(client, Product("TW"));
        var order = await OrderedPurchaseAsync(client, product, 10);
        var action = $"{Purchases}/{order}/receive";
        var page = await client.GetStringAsync(Purchases);

        var first = await client.SubmitHtmlAsync(page, action, ("Quantity", "3"), ("BatchReference", "LOT-9"));
        var second = await client.SubmitHtmlAsync(page, action, ("Quantity", "3"), ("BatchReference", "LOT-9"));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        (await client.GetStringAsync(second.Headers.Location)).ShouldContain("This form was sent before; it was carried out once.");
        var received = await client.GetFromJsonAsync<JsonElement>($"/api/cards/stock/purchase-orders/{order}");
        received.GetProperty("receivedQuantity").GetInt32().ShouldBe(3);
        received.GetProperty("receipts").GetArrayLength().ShouldBe(1);
        Blanks(await ReportAsync(client), "HQ", product).ShouldBe(3);
    }

    [Fact]
    public async Task Should_show_the_stock_forms_in_Chinese()
    {
        var (_, client) = await TenantAsync(host.Factory, "zhui");
        var product = await CreateProductAsync(client, Product("ZH"));
        await StoreAsync(client, "S620");
        await OrderedPurchaseAsync(client, product, 5);

        var purchases = await ChineseAsync(client, Purchases);
        purchases.ShouldContain("新增供应商");
        purchases.ShouldContain("收货入库");
        purchases.ShouldContain("批次号");
        purchases.ShouldNotContain("JSON");
        (await ChineseAsync(client, Requests)).ShouldContain("向总部申请卡");
        (await ChineseAsync(client, Production)).ShouldContain("用空白卡新建制作批次");
        (await ChineseAsync(client, StockTakes)).ShouldContain("开始盘点");
    }

    private static async Task<string> ChineseAsync(HttpClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
