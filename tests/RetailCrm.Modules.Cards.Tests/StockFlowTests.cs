using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RetailCrm.Modules.Cards.Domain;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;
using static RetailCrm.Modules.Cards.Tests.StockTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>Card stock over HTTP on the real host: purchase, production, store requests, stock-takes and the report.</summary>
public abstract class StockFlowTests(CrmHostFactory factory)
{
    protected CrmHostFactory Factory { get; } = factory;

    [Fact]
    public async Task Should_receive_a_purchase_order_in_parts_and_refuse_receiving_more_than_ordered()
    {
        var (_, client) = await TenantAsync(Factory, "po");
        var product = await CreateProductAsync(client, Product("BLANK"));
        var supplier = await SupplierAsync(client);
        (await client.GetFromJsonAsync<JsonElement>($"/api/cards/stock/suppliers/{supplier}")).GetProperty("contact").GetString().ShouldBe("李强");
        HasError(await ProblemAsync(await client.PostAsJsonAsync("/api/cards/stock/suppliers", new { name = "X", email = "not-an-email" }), HttpStatusCode.BadRequest, "invalid"), "email")
            .ShouldBeTrue();

        var unknown = await client.PostAsJsonAsync("/api/cards/stock/purchase-orders", new { supplierId = Guid.NewGuid(), productId = Id(product), quantity = 10, unitPrice = 1 });
        HasError(await ProblemAsync(unknown, HttpStatusCode.BadRequest, "invalid"), "supplierId").ShouldBeTrue();

        var draft = await OkAsync(await client.PostAsJsonAsync("/api/cards/stock/purchase-orders", new { supplierId = supplier, productId = Id(product), quantity = 100, unitPrice = 150 }));
        draft.GetProperty("status").GetString().ShouldBe("Draft");
        draft.GetProperty("total").GetInt64().ShouldBe(15_000);
        var id = draft.GetProperty("id").GetGuid();
        await ProblemAsync(await ReceiveAsync(client, id, 10), HttpStatusCode.Conflict, "conflict");
        await OkAsync(await client.PostAsync($"/api/cards/stock/purchase-orders/{id}/order", null), HttpStatusCode.OK);
        await ProblemAsync(await client.PostAsync($"/api/cards/stock/purchase-orders/{id}/order", null), HttpStatusCode.Conflict, "conflict");

        (await OkAsync(await ReceiveAsync(client, id, 60, "LOT-A"))).GetProperty("locationCode").GetString().ShouldBe("HQ");
        (await client.GetFromJsonAsync<JsonElement>($"/api/cards/stock/purchase-orders/{id}")).GetProperty("status").GetString().ShouldBe("PartlyReceived");
        HasError(await ProblemAsync(await ReceiveAsync(client, id, 41, "LOT-B"), HttpStatusCode.BadRequest, "invalid"), "quantity").ShouldBeTrue();
        await ProblemAsync(await client.PostAsync($"/api/cards/stock/purchase-orders/{id}/cancel", null), HttpStatusCode.Conflict, "conflict");
        await OkAsync(await ReceiveAsync(client, id, 40, "LOT-B"));
        await ProblemAsync(await ReceiveAsync(client, id, 1, "LOT-C"), HttpStatusCode.BadRequest, "invalid");

        var order = await client.GetFromJsonAsync<JsonElement>($"/api/cards/stock/purchase-orders/{id}");
        order.GetProperty("status").GetString().ShouldBe("Received");
        order.GetProperty("receivedQuantity").GetInt32().ShouldBe(100);
        order.GetProperty("outstandingQuantity").GetInt32().ShouldBe(0);
        order.GetProperty("receipts").EnumerateArray().Select(r => r.GetProperty("batchReference").GetString()).ShouldBe(["LOT-A", "LOT-B"]);
        Blanks(await ReportAsync(client), "HQ", product).ShouldBe(100);

        var cancelled = await OrderedPurchaseAsync(client, product, 5, supplier);
        (await OkAsync(await client.PostAsync($"/api/cards/stock/purchase-orders/{cancelled}/cancel", null), HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("Cancelled");
        await ProblemAsync(await ReceiveAsync(client, cancelled, 1), HttpStatusCode.Conflict, "conflict");
        (await client.GetFromJsonAsync<JsonElement>($"/api/cards/stock/receipts?purchaseOrderId={id}")).GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Should_produce_unique_Luhn_numbers_from_blanks_and_never_more_than_the_blanks()
    {
        var (_, client) = await TenantAsync(Factory, "prod-run");
        var product = await CreateProductAsync(client, Product("GIFT", prefix: "6211"));
        await BlanksAsync(client, product, 50);

        HasError(await ProblemAsync(await ProduceAsync(client, product, 51), HttpStatusCode.BadRequest, "invalid"), "quantity").ShouldBeTrue();
        Blanks(await ReportAsync(client), "HQ", product).ShouldBe(50);

        var run = await OkAsync(await ProduceAsync(client, product, 30));
        run.GetProperty("producedCount").GetInt32().ShouldBe(30);
        run.GetProperty("usesBlanks").GetBoolean().ShouldBeTrue();
        run.GetProperty("locationCode").GetString().ShouldBe("HQ");
        var produced = await NumbersAsync(client, "HQ", "Produced");
        produced.Length.ShouldBe(30);
        produced.Distinct().Count().ShouldBe(30);
        produced.ShouldAllBe(n => n.Length == 16 && n.StartsWith("6211") && CardNumbers.IsValid(n));
        run.GetProperty("firstNumber").GetString().ShouldBe(produced.Min());
        run.GetProperty("lastNumber").GetString().ShouldBe(produced.Max());

        var second = await OkAsync(await ProduceAsync(client, product, 20));
        string.CompareOrdinal(second.GetProperty("firstNumber").GetString(), run.GetProperty("lastNumber").GetString()).ShouldBeGreaterThan(0);
        var report = await ReportAsync(client);
        Blanks(report, "HQ", product).ShouldBe(0);
        CountOf(report, "HQ", product, "Produced").ShouldBe(50);
        await ProblemAsync(await ProduceAsync(client, product, 1), HttpStatusCode.BadRequest, "invalid");

        // A produced card is not put away yet: it cannot be sold.
        var member = await MemberAsync(client, "张伟");
        await ProblemAsync(await client.PostAsJsonAsync($"/api/cards/cards/{produced[0]}/activation", new { memberCode = member }), HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Should_put_away_and_spoil_produced_cards_accounting_for_every_number()
    {
        var (_, client) = await TenantAsync(Factory, "putaway");
        var product = await CreateProductAsync(client, Product("MEM", prefix: "7100"));
        await BlanksAsync(client, product, 10);
        var run = await OkAsync(await ProduceAsync(client, product, 10));
        var id = Id(run);
        var numbers = await NumbersAsync(client, "HQ", "Produced");

        var notOfRun = await client.PostAsJsonAsync($"/api/cards/stock/production/{id}/put-away", new { spoiled = new[] { new { number = "7100000000000000", reason = "x" } } });
        HasError(await ProblemAsync(notOfRun, HttpStatusCode.BadRequest, "invalid"), "spoiled").ShouldBeTrue();

        var firstCheck = await OkAsync(await client.PostAsJsonAsync($"/api/cards/stock/production/{id}/put-away", new
        {
            numbers = numbers[..3],
            spoiled = new[] { new { number = numbers[3], reason = "chip not readable" } },
        }), HttpStatusCode.OK);
        firstCheck.GetProperty("producedCount").GetInt32().ShouldBe(6);
        var done = await OkAsync(await client.PostAsJsonAsync($"/api/cards/stock/production/{id}/put-away", new
        {
            spoiled = new[] { new { number = numbers[9], reason = "misprinted face" } },
        }), HttpStatusCode.OK);
        done.GetProperty("producedCount").GetInt32().ShouldBe(0);
        done.GetProperty("putAwayCount").GetInt32().ShouldBe(8);
        done.GetProperty("spoiledCount").GetInt32().ShouldBe(2);
        var byStatus = done.GetProperty("cardsByStatus").EnumerateArray().ToDictionary(s => s.GetProperty("status").GetString()!, s => s.GetProperty("count").GetInt32());
        byStatus.ShouldBe(new Dictionary<string, int> { ["InStock"] = 8, ["Void"] = 2 }, ignoreOrder: true);
        (done.GetProperty("putAwayCount").GetInt32() + done.GetProperty("spoiledCount").GetInt32() + done.GetProperty("producedCount").GetInt32())
            .ShouldBe(done.GetProperty("quantity").GetInt32());

        await ProblemAsync(await client.PostAsJsonAsync($"/api/cards/stock/production/{id}/put-away", new { }), HttpStatusCode.Conflict, "conflict");
        (await CardAsync(client, numbers[3])).GetProperty("status").GetString().ShouldBe("Void");
        var moves = await client.GetFromJsonAsync<JsonElement>($"/api/cards/stock/cards/{numbers[3]}/moves");
        moves.EnumerateArray().Select(m => m.GetProperty("toStatus").GetString()).ShouldBe(["Produced", "Void"]);
        moves[1].GetProperty("reason").GetString().ShouldBe("chip not readable");
        (await NumbersAsync(client, "HQ", "InStock")).ShouldBe(numbers[..3].Concat(numbers[4..9]), ignoreOrder: true);
    }

    [Fact]
    public async Task Should_put_quick_numbered_cards_in_HQ_stock_as_a_recorded_run()
    {
        var (_, client) = await TenantAsync(Factory, "quick");
        var product = await CreateProductAsync(client, Product("QK"));
        var numbers = await StockAsync(client, product, 5);

        (await NumbersAsync(client, "HQ", "InStock")).ShouldBe(numbers, ignoreOrder: true);
        var runs = await client.GetFromJsonAsync<JsonElement>("/api/cards/stock/production");
        runs.GetArrayLength().ShouldBe(1);
        runs[0].GetProperty("usesBlanks").GetBoolean().ShouldBeFalse();
        runs[0].GetProperty("putAwayCount").GetInt32().ShouldBe(5);
        runs[0].GetProperty("firstNumber").GetString().ShouldBe(numbers.Min());
        CountOf(await ReportAsync(client), "HQ", product, "InStock").ShouldBe(5);
    }

    [Fact]
    public async Task Should_take_a_store_request_through_approval_shipment_and_receipt_with_quantities_reconciling()
    {
        var (_, client) = await TenantAsync(Factory, "req");
        var product = await CreateProductAsync(client, Product("SV"));
        var store = await StoreAsync(client, "S001");
        await StockAsync(client, product, 10);

        HasError(await ProblemAsync(await client.PostAsJsonAsync("/api/cards/stock/store-requests", new { storeCode = "HQ", productId = Id(product), quantity = 3 }),
            HttpStatusCode.BadRequest, "invalid"), "storeCode").ShouldBeTrue();
        var request = await OkAsync(await client.PostAsJsonAsync("/api/cards/stock/store-requests", new { storeCode = "s001", productId = Id(product), quantity = 8, note = "weekend promotion" }));
        request.GetProperty("storeCode").GetString().ShouldBe(store);
        request.GetProperty("status").GetString().ShouldBe("Requested");
        var url = $"/api/cards/stock/store-requests/{Id(request)}";

        await ProblemAsync(await client.PostAsJsonAsync(url + "/ship", new { }), HttpStatusCode.Conflict, "conflict");
        await ProblemAsync(await client.PostAsJsonAsync(url + "/receive", new { }), HttpStatusCode.Conflict, "conflict");
        HasError(await ProblemAsync(await client.PostAsJsonAsync(url + "/approve", new { quantity = 9 }), HttpStatusCode.BadRequest, "invalid"), "quantity").ShouldBeTrue();
        (await OkAsync(await client.PostAsJsonAsync(url + "/approve", new { quantity = 5 }), HttpStatusCode.OK)).GetProperty("approvedQuantity").GetInt32().ShouldBe(5);
        await ProblemAsync(await client.PostAsJsonAsync(url + "/approve", new { quantity = 5 }), HttpStatusCode.Conflict, "conflict");
        await ProblemAsync(await client.PostAsJsonAsync(url + "/reject", new { reason = "late" }), HttpStatusCode.Conflict, "conflict");

        var shipped = await OkAsync(await client.PostAsJsonAsync(url + "/ship", new { }), HttpStatusCode.OK);
        shipped.GetProperty("status").GetString().ShouldBe("Shipped");
        shipped.GetProperty("shippedQuantity").GetInt32().ShouldBe(5);
        var numbers = Strings(shipped.GetProperty("shippedNumbers"));
        numbers.Length.ShouldBe(5);
        (await NumbersAsync(client, store, "InTransit")).ShouldBe(numbers, ignoreOrder: true);
        await ProblemAsync(await client.PostAsJsonAsync(url + "/ship", new { }), HttpStatusCode.Conflict, "conflict");

        var stranger = (await NumbersAsync(client, "HQ", "InStock"))[0];
        HasError(await ProblemAsync(await client.PostAsJsonAsync(url + "/receive", new { numbers = new[] { numbers[0], stranger } }), HttpStatusCode.BadRequest, "invalid"), "numbers")
            .ShouldBeTrue();
        var received = await OkAsync(await client.PostAsJsonAsync(url + "/receive", new { numbers = numbers[..4] }), HttpStatusCode.OK);
        received.GetProperty("status").GetString().ShouldBe("Received");
        received.GetProperty("receivedQuantity").GetInt32().ShouldBe(4);
        Strings(received.GetProperty("missingNumbers")).ShouldBe([numbers[4]]);
        await ProblemAsync(await client.PostAsJsonAsync(url + "/receive", new { }), HttpStatusCode.Conflict, "conflict");

        var final = await client.GetFromJsonAsync<JsonElement>(url);
        var (requested, approved, sent, got) = (final.GetProperty("requestedQuantity").GetInt32(), final.GetProperty("approvedQuantity").GetInt32(),
            final.GetProperty("shippedQuantity").GetInt32(), final.GetProperty("receivedQuantity").GetInt32());
        (requested >= approved && approved >= sent && sent >= got).ShouldBeTrue($"{requested} ≥ {approved} ≥ {sent} ≥ {got}");
        (got + Strings(final.GetProperty("missingNumbers")).Length).ShouldBe(sent);

        var report = await ReportAsync(client);
        CountOf(report, "HQ", product, "InStock").ShouldBe(5);
        CountOf(report, store, product, "AtStore").ShouldBe(4);
        CountOf(report, store, product, "InTransit").ShouldBe(1);

        // The missing card is lost on the way: written off (Void), once, with the reason in its moves.
        HasError(await ProblemAsync(await client.PostAsJsonAsync(url + "/missing", new { resolution = "WriteOff" }), HttpStatusCode.BadRequest, "invalid"), "reason").ShouldBeTrue();
        await OkAsync(await client.PostAsJsonAsync(url + "/missing", new { resolution = "WriteOff", reason = "lost by the courier" }), HttpStatusCode.OK);
        await ProblemAsync(await client.PostAsJsonAsync(url + "/missing", new { resolution = "ReturnToHq", reason = "again" }), HttpStatusCode.Conflict, "conflict");
        report = await ReportAsync(client);
        CountOf(report, store, product, "InTransit").ShouldBe(0);
        CountOf(report, store, product, "Void").ShouldBe(0, "a void card is nowhere");
        (await CardAsync(client, numbers[4])).GetProperty("status").GetString().ShouldBe("Void");
        (await client.GetStringAsync($"/api/cards/stock/cards/{numbers[4]}/moves")).ShouldContain("lost by the courier");

        // A card at the store can be sold there.
        var member = await MemberAsync(client, "陈静");
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{numbers[0]}/activation", new { memberCode = member, storeCode = store }), HttpStatusCode.OK);

        var rejected = await OkAsync(await client.PostAsJsonAsync("/api/cards/stock/store-requests", new { storeCode = store, productId = Id(product), quantity = 2 }));
        var rejectedUrl = $"/api/cards/stock/store-requests/{Id(rejected)}";
        HasError(await ProblemAsync(await client.PostAsJsonAsync(rejectedUrl + "/reject", new { }), HttpStatusCode.BadRequest, "invalid"), "reason").ShouldBeTrue();
        (await OkAsync(await client.PostAsJsonAsync(rejectedUrl + "/reject", new { reason = "enough stock at the store" }), HttpStatusCode.OK))
            .GetProperty("rejectionReason").GetString().ShouldBe("enough stock at the store");
        await ProblemAsync(await client.PostAsJsonAsync(rejectedUrl + "/approve", new { }), HttpStatusCode.Conflict, "conflict");
        await ProblemAsync(await client.PostAsJsonAsync(rejectedUrl + "/ship", new { }), HttpStatusCode.Conflict, "conflict");

        var tooMany = await OkAsync(await client.PostAsJsonAsync("/api/cards/stock/store-requests", new { storeCode = store, productId = Id(product), quantity = 6 }));
        var tooManyUrl = $"/api/cards/stock/store-requests/{Id(tooMany)}";
        await OkAsync(await client.PostAsJsonAsync(tooManyUrl + "/approve", new { }), HttpStatusCode.OK);
        await ProblemAsync(await client.PostAsJsonAsync(tooManyUrl + "/ship", new { }), HttpStatusCode.Conflict, "conflict");
        var explicitNumbers = (await NumbersAsync(client, "HQ", "InStock"))[..2];
        var partly = await OkAsync(await client.PostAsJsonAsync(tooManyUrl + "/ship", new { numbers = explicitNumbers }), HttpStatusCode.OK);
        Strings(partly.GetProperty("shippedNumbers")).ShouldBe(explicitNumbers, ignoreOrder: true);
        (await client.GetFromJsonAsync<JsonElement>($"/api/cards/stock/store-requests?storeCode={store}&status=Shipped")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Should_find_missing_and_unexpected_cards_and_blank_differences_in_a_stock_take_and_write_them_off()
    {
        var (_, client) = await TenantAsync(Factory, "count");
        var product = await CreateProductAsync(client, Product("ST"));
        await StockAsync(client, product, 5);
        await BlanksAsync(client, product, 10);
        var store = await StoreAsync(client, "S009");
        var atHq = await NumbersAsync(client, "HQ", "InStock");

        HasError(await ProblemAsync(await client.PostAsJsonAsync("/api/cards/stock/stock-takes", new { locationCode = "NOPE" }), HttpStatusCode.BadRequest, "invalid"), "locationCode")
            .ShouldBeTrue();
        var take = await OkAsync(await client.PostAsJsonAsync("/api/cards/stock/stock-takes", new { locationCode = "HQ" }));
        take.GetProperty("expectedCards").GetInt32().ShouldBe(5);
        Strings(take.GetProperty("expectedNumbers")).ShouldBe(atHq, ignoreOrder: true);
        take.GetProperty("blanks")[0].GetProperty("expected").GetInt32().ShouldBe(10);
        var url = $"/api/cards/stock/stock-takes/{Id(take)}";
        await ProblemAsync(await client.PostAsJsonAsync("/api/cards/stock/stock-takes", new { locationCode = "HQ" }), HttpStatusCode.Conflict, "conflict");
        await ProblemAsync(await client.PostAsync(url + "/close", null), HttpStatusCode.Conflict, "conflict");
        (await OkAsync(await client.PostAsJsonAsync("/api/cards/stock/stock-takes", new { locationCode = store }))).GetProperty("expectedCards").GetInt32().ShouldBe(0);

        // A first count, corrected by a second one.
        await OkAsync(await client.PutAsJsonAsync(url + "/count", new { numbers = atHq, blanks = new[] { new { productId = Id(product), quantity = 10 } } }), HttpStatusCode.OK);
        var counted = atHq[..4].Append("9999000000000001").ToArray();
        await OkAsync(await client.PutAsJsonAsync(url + "/count", new { numbers = counted, blanks = new[] { new { productId = Id(product), quantity = 8 } } }), HttpStatusCode.OK);
        HasError(await ProblemAsync(await client.PutAsJsonAsync(url + "/count", new { numbers = new[] { "1", "1" } }), HttpStatusCode.BadRequest, "invalid"), "numbers").ShouldBeTrue();

        var closed = await OkAsync(await client.PostAsync(url + "/close", null), HttpStatusCode.OK);
        closed.GetProperty("status").GetString().ShouldBe("Closed");
        Strings(closed.GetProperty("missingNumbers")).ShouldBe([atHq[4]]);
        Strings(closed.GetProperty("unexpectedNumbers")).ShouldBe(["9999000000000001"]);
        closed.GetProperty("missingCards").GetInt32().ShouldBe(1);
        closed.GetProperty("unexpectedCards").GetInt32().ShouldBe(1);
        closed.GetProperty("blanks")[0].GetProperty("difference").GetInt32().ShouldBe(-2);
        await ProblemAsync(await client.PutAsJsonAsync(url + "/count", new { numbers = atHq }), HttpStatusCode.Conflict, "conflict");
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("missingCards").GetInt32().ShouldBe(1);

        var writtenOff = await OkAsync(await client.PostAsJsonAsync(url + "/write-off", new { reason = "lost in the HQ safe" }), HttpStatusCode.OK);
        writtenOff.GetProperty("status").GetString().ShouldBe("WrittenOff");
        (await CardAsync(client, atHq[4])).GetProperty("status").GetString().ShouldBe("Void");
        var report = await ReportAsync(client, "?locationCode=HQ");
        CountOf(report, "HQ", product, "InStock").ShouldBe(4);
        Blanks(report, "HQ", product).ShouldBe(8);
        await ProblemAsync(await client.PostAsJsonAsync(url + "/write-off", new { reason = "again" }), HttpStatusCode.Conflict, "conflict");
        (await client.GetFromJsonAsync<JsonElement>("/api/cards/stock/stock-takes?locationCode=HQ")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Should_report_stock_by_location_product_and_status_with_filters()
    {
        var (_, client) = await TenantAsync(Factory, "report");
        var gold = await CreateProductAsync(client, Product("GOLD", prefix: "8101"));
        var silver = await CreateProductAsync(client, Product("SILVER", prefix: "8102"));
        var store = await StoreAsync(client, "S002");
        await StockAsync(client, gold, 6);
        await StockAsync(client, silver, 2);
        await BlanksAsync(client, silver, 7);
        await OkAsync(await ProduceAsync(client, silver, 3));
        var request = await OkAsync(await client.PostAsJsonAsync("/api/cards/stock/store-requests", new { storeCode = store, productId = Id(gold), quantity = 4 }));
        var url = $"/api/cards/stock/store-requests/{Id(request)}";
        await OkAsync(await client.PostAsJsonAsync(url + "/approve", new { }), HttpStatusCode.OK);
        await OkAsync(await client.PostAsJsonAsync(url + "/ship", new { }), HttpStatusCode.OK);
        await OkAsync(await client.PostAsJsonAsync(url + "/receive", new { }), HttpStatusCode.OK);

        var all = await ReportAsync(client);
        CountOf(all, "HQ", gold, "InStock").ShouldBe(2);
        CountOf(all, store, gold, "AtStore").ShouldBe(4);
        CountOf(all, "HQ", silver, "InStock").ShouldBe(2);
        CountOf(all, "HQ", silver, "Produced").ShouldBe(3);
        Blanks(all, "HQ", silver).ShouldBe(4);
        all.GetProperty("cards").EnumerateArray().Sum(l => l.GetProperty("count").GetInt32()).ShouldBe(11);

        var atStore = await ReportAsync(client, $"?locationCode={store}");
        atStore.GetProperty("cards").GetArrayLength().ShouldBe(1);
        atStore.GetProperty("blanks").GetArrayLength().ShouldBe(0);
        var silverOnly = await ReportAsync(client, $"?productId={Id(silver)}");
        silverOnly.GetProperty("cards").EnumerateArray().ShouldAllBe(l => l.GetProperty("productCode").GetString() == "SILVER");
        silverOnly.GetProperty("cards").EnumerateArray().Sum(l => l.GetProperty("count").GetInt32()).ShouldBe(5);
    }

    [Fact]
    public async Task Should_keep_one_tenants_stock_apart_from_another()
    {
        var (_, first) = await TenantAsync(Factory, "stock-a");
        var (_, second) = await TenantAsync(Factory, "stock-b");
        var product = await CreateProductAsync(first, Product("ISO"));
        await StoreAsync(first, "SA1");
        var order = await OrderedPurchaseAsync(first, product, 10);
        await OkAsync(await ReceiveAsync(first, order, 10));
        var run = await OkAsync(await ProduceAsync(first, product, 4));
        var request = await OkAsync(await first.PostAsJsonAsync("/api/cards/stock/store-requests", new { storeCode = "SA1", productId = Id(product), quantity = 1 }));

        await ProblemAsync(await second.GetAsync($"/api/cards/stock/purchase-orders/{order}"), HttpStatusCode.NotFound, "not-found");
        await ProblemAsync(await ReceiveAsync(second, order, 1), HttpStatusCode.NotFound, "not-found");
        await ProblemAsync(await second.GetAsync($"/api/cards/stock/production/{Id(run)}"), HttpStatusCode.NotFound, "not-found");
        await ProblemAsync(await second.PostAsJsonAsync($"/api/cards/stock/production/{Id(run)}/put-away", new { }), HttpStatusCode.NotFound, "not-found");
        await ProblemAsync(await second.PostAsJsonAsync($"/api/cards/stock/store-requests/{Id(request)}/approve", new { }), HttpStatusCode.NotFound, "not-found");
        await ProblemAsync(await second.PostAsJsonAsync("/api/cards/stock/store-requests", new { storeCode = "SA1", productId = Id(product), quantity = 1 }),
            HttpStatusCode.BadRequest, "invalid");
        await ProblemAsync(await ProduceAsync(second, product, 1), HttpStatusCode.BadRequest, "invalid");
        var report = await ReportAsync(second);
        report.GetProperty("cards").GetArrayLength().ShouldBe(0);
        report.GetProperty("blanks").GetArrayLength().ShouldBe(0);
        (await second.GetFromJsonAsync<JsonElement>("/api/cards/stock/suppliers")).GetArrayLength().ShouldBe(0);
        Blanks(await ReportAsync(first), "HQ", product).ShouldBe(6);
    }

    [Fact]
    public async Task Should_never_let_parallel_productions_share_blanks()
    {
        var (_, client) = await TenantAsync(Factory, "race-blanks");
        var product = await CreateProductAsync(client, Product("RB", prefix: "6300"));
        await BlanksAsync(client, product, 10);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ProduceAsync(client, product, 3)));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(3);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.StatusCode == HttpStatusCode.BadRequest);

        var report = await ReportAsync(client);
        Blanks(report, "HQ", product).ShouldBe(1);
        CountOf(report, "HQ", product, "Produced").ShouldBe(9);
        var numbers = await NumbersAsync(client, "HQ", "Produced");
        numbers.Distinct().Count().ShouldBe(9);
        numbers.ShouldAllBe(n => CardNumbers.IsValid(n));
    }

    [Fact]
    public async Task Should_never_receive_more_than_ordered_under_parallel_receipts()
    {
        var (_, client) = await TenantAsync(Factory, "race-po");
        var product = await CreateProductAsync(client, Product("RP"));
        var order = await OrderedPurchaseAsync(client, product, 10);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => ReceiveAsync(client, order, 3, "LOT-" + i)));
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(3);
        var po = await client.GetFromJsonAsync<JsonElement>($"/api/cards/stock/purchase-orders/{order}");
        po.GetProperty("receivedQuantity").GetInt32().ShouldBe(9);
        po.GetProperty("receipts").GetArrayLength().ShouldBe(3);
        Blanks(await ReportAsync(client), "HQ", product).ShouldBe(9);
    }

    [Fact]
    public async Task Should_never_ship_one_card_twice_under_parallel_shipments()
    {
        var (_, client) = await TenantAsync(Factory, "race-ship");
        var product = await CreateProductAsync(client, Product("RS"));
        var store = await StoreAsync(client, "S100");
        await StockAsync(client, product, 7);
        var urls = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var request = await OkAsync(await client.PostAsJsonAsync("/api/cards/stock/store-requests", new { storeCode = store, productId = Id(product), quantity = 3 }));
            urls.Add($"/api/cards/stock/store-requests/{Id(request)}");
            await OkAsync(await client.PostAsJsonAsync(urls[^1] + "/approve", new { }), HttpStatusCode.OK);
        }

        var answers = await Task.WhenAll(urls.Select(u => client.PostAsJsonAsync(u + "/ship", new { })));
        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(2);
        var shipped = new List<string>();
        foreach (var url in urls)
        {
            shipped.AddRange(Strings((await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("shippedNumbers")));
        }

        shipped.Count.ShouldBe(6);
        shipped.Distinct().Count().ShouldBe(6);
        var report = await ReportAsync(client);
        CountOf(report, store, product, "InTransit").ShouldBe(6);
        CountOf(report, "HQ", product, "InStock").ShouldBe(1);
    }

    [Fact]
    public async Task Should_open_one_stock_take_of_a_location_when_clerks_open_at_once()
    {
        var (_, client) = await TenantAsync(Factory, "race-take");
        var product = await CreateProductAsync(client, Product("RT"));
        await StockAsync(client, product, 3);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsJsonAsync("/api/cards/stock/stock-takes", new { locationCode = "HQ" })));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Where(a => a.StatusCode != HttpStatusCode.Created).ShouldAllBe(a => a.StatusCode == HttpStatusCode.Conflict);
        (await client.GetFromJsonAsync<JsonElement>("/api/cards/stock/stock-takes?locationCode=HQ")).GetArrayLength().ShouldBe(1);
    }
}

public sealed class SqliteStockFlowTests(CardsHost host) : StockFlowTests(host.Factory), IClassFixture<CardsHost>;

public sealed class PostgresStockFlowTests(CardsPostgresHost host) : StockFlowTests(host.Factory), IClassFixture<CardsPostgresHost>;
