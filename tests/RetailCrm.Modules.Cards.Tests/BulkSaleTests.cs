using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;
using static RetailCrm.Modules.Cards.Tests.SellingTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>HQ bulk sale (总部售卡) over HTTP: all or nothing, unique invoices, no card sold twice under parallel sales.</summary>
public abstract class BulkSaleTests(CrmHostFactory factory)
{
    protected CrmHostFactory Factory { get; } = factory;

    [Fact]
    public async Task Should_sell_cards_in_bulk_to_a_company_with_invoice_preloaded_value_and_charges()
    {
        var (_, client) = await TenantAsync(Factory, "bulk");
        var product = await CreateProductAsync(client, Product("GIFT", prefix: "6200", kind: "Gift"));
        var company = await CompanyAsync(client, "Acme Trading");
        var stock = await StockAsync(client, product, 6);

        var sale = await OkAsync(await BulkSaleAsync(client, new { productId = product.GetProperty("id").GetGuid(), quantity = 4, customerCode = company, invoiceNumber = "INV-2026-001", valuePerCard = 20_000, note = "New year gifts" }, "bulk-1"));
        sale.GetProperty("quantity").GetInt32().ShouldBe(4);
        sale.Long("totalValue").ShouldBe(80_000);
        sale.Long("totalCharges").ShouldBe(4 * 3_000);
        sale.GetProperty("storeCode").GetString().ShouldBe("HQ");
        sale.GetProperty("customerCode").GetString().ShouldBe(company);
        var sold = sale.GetProperty("cardNumbers").EnumerateArray().Select(n => n.GetString()!).ToArray();
        sold.Length.ShouldBe(4);
        sold.ShouldBeSubsetOf(stock);

        foreach (var number in sold)
        {
            var card = await ShouldBalanceAsync(client, number);
            card.GetProperty("status").GetString().ShouldBe("Active");
            card.GetProperty("holderCode").GetString().ShouldBe(company);
            card.Long("balance").ShouldBe(20_000);
            card.GetProperty("expiresAt").ValueKind.ShouldBe(JsonValueKind.String);
            var ledger = await LedgerAsync(client, number);
            ledger.Select(e => e.Kind()).ShouldBe(["Issue", "TopUp"], ignoreOrder: true);
            ledger.ShouldAllBe(e => e.GetProperty("storeCode").GetString() == "HQ" && e.GetProperty("receiptId").GetString() == "INV-2026-001");
            (await ChargesAsync(client, number)).Select(c => c.Kind()).ShouldBe(["Fee", "Deposit"], ignoreOrder: true);
        }

        var read = await OkAsync(await client.GetAsync($"/api/cards/bulk-sales/{sale.GetProperty("id").GetGuid()}"), HttpStatusCode.OK);
        read.GetProperty("cardNumbers").GetArrayLength().ShouldBe(4);
        read.GetProperty("invoiceNumber").GetString().ShouldBe("INV-2026-001");
        (await client.GetFromJsonAsync<JsonElement>($"/api/cards/bulk-sales?customerCode={company}")).GetArrayLength().ShouldBe(1);
        (await client.GetFromJsonAsync<JsonElement>("/api/cards/cards?status=InStock")).GetProperty("total").GetInt32().ShouldBe(2);

        // A sold gift card pays at the till like any other.
        (await OkAsync(await PayAsync(client, sold[0], 5_000, receipt: "P-1"))).Long("balance").ShouldBe(15_000);
        await LedgerCheckIsCleanAsync(client);
    }

    [Fact]
    public async Task Should_refuse_a_bulk_sale_as_a_whole_and_leave_the_stock_untouched()
    {
        var (_, client) = await TenantAsync(Factory, "bulkno");
        var product = await CreateProductAsync(client, Product("GIFT", prefix: "6200", kind: "Gift"));
        var productId = product.GetProperty("id").GetGuid();
        var company = await CompanyAsync(client, "Globex");
        var person = await MemberAsync(client, "王芳");
        await StockAsync(client, product, 3);

        var tooMany = await ProblemAsync(await BulkSaleAsync(client, new { productId, quantity = 4, customerCode = company, invoiceNumber = "INV-1", valuePerCard = 1_000 }, "b-1"), HttpStatusCode.BadRequest, "invalid");
        tooMany.GetProperty("errors").TryGetProperty("quantity", out _).ShouldBeTrue();
        (await client.GetFromJsonAsync<JsonElement>("/api/cards/cards?status=InStock")).GetProperty("total").GetInt32().ShouldBe(3);

        (await ProblemAsync(await BulkSaleAsync(client, new { productId, quantity = 1, customerCode = person, invoiceNumber = "INV-2" }, "b-2"), HttpStatusCode.BadRequest, "invalid"))
            .GetProperty("errors").TryGetProperty("customerCode", out _).ShouldBeTrue();
        (await ProblemAsync(await BulkSaleAsync(client, new { productId, quantity = 1, customerCode = company }, "b-3"), HttpStatusCode.BadRequest, "invalid"))
            .GetProperty("errors").ToString().ShouldContain("invoiceNumber", Case.Insensitive);
        (await ProblemAsync(await BulkSaleAsync(client, new { productId, quantity = 1, customerCode = company, invoiceNumber = "INV-3", valuePerCard = 50 }, "b-4"), HttpStatusCode.BadRequest, "invalid"))
            .GetProperty("errors").TryGetProperty("valuePerCard", out _).ShouldBeTrue();
        await ProblemAsync(await BulkSaleAsync(client, new { productId, quantity = 1, customerCode = company, invoiceNumber = "INV-4" }), HttpStatusCode.BadRequest, "idempotency-key-missing");

        await OkAsync(await BulkSaleAsync(client, new { productId, quantity = 1, customerCode = company, invoiceNumber = "INV-5" }, "b-5"));
        var again = await ProblemAsync(await BulkSaleAsync(client, new { productId, quantity = 1, customerCode = company, invoiceNumber = "INV-5" }, "b-6"), HttpStatusCode.Conflict, "conflict");
        again.GetProperty("errors").TryGetProperty("invoiceNumber", out _).ShouldBeTrue();
        (await client.GetFromJsonAsync<JsonElement>("/api/cards/cards?status=InStock")).GetProperty("total").GetInt32().ShouldBe(2);
        await LedgerCheckIsCleanAsync(client);
    }

    [Fact]
    public async Task Should_replay_a_bulk_sale_retried_with_its_idempotency_key()
    {
        var (_, client) = await TenantAsync(Factory, "bulkkey");
        var product = await CreateProductAsync(client, Product("GIFT", prefix: "6200", kind: "Gift"));
        var company = await CompanyAsync(client, "Initech");
        await StockAsync(client, product, 4);
        var body = new { productId = product.GetProperty("id").GetGuid(), quantity = 2, customerCode = company, invoiceNumber = "INV-9", valuePerCard = 10_000 };

        var first = await BulkSaleAsync(client, body, "same-key");
        var firstBody = await first.Content.ReadAsStringAsync();
        first.StatusCode.ShouldBe(HttpStatusCode.Created, firstBody);
        var retry = await BulkSaleAsync(client, body, "same-key");
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(firstBody);
        (await client.GetFromJsonAsync<JsonElement>("/api/cards/bulk-sales")).GetArrayLength().ShouldBe(1);
        (await client.GetFromJsonAsync<JsonElement>("/api/cards/cards?status=InStock")).GetProperty("total").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Should_never_sell_one_card_twice_when_bulk_sales_run_in_parallel()
    {
        var (_, client) = await TenantAsync(Factory, "bulkpar");
        var product = await CreateProductAsync(client, Product("GIFT", prefix: "6200", kind: "Gift"));
        var company = await CompanyAsync(client, "Umbrella");
        await StockAsync(client, product, 10);
        var productId = product.GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            BulkSaleAsync(client, new { productId, quantity = 3, customerCode = company, invoiceNumber = $"P-{i}", valuePerCard = 1_000 }, $"par-{i}")));
        var bodies = await Task.WhenAll(responses.Select(async r => (r.StatusCode, Body: await r.Content.ReadAsStringAsync())));
        bodies.Count(b => b.StatusCode == HttpStatusCode.Created).ShouldBe(3, string.Join("\n", bodies.Select(b => b.Body)));
        bodies.Count(b => b.StatusCode == HttpStatusCode.BadRequest).ShouldBe(1, string.Join("\n", bodies.Select(b => b.Body)));

        var sold = bodies.Where(b => b.StatusCode == HttpStatusCode.Created)
            .SelectMany(b => JsonDocument.Parse(b.Body).RootElement.GetProperty("cardNumbers").EnumerateArray().Select(n => n.GetString()!)).ToList();
        sold.Count.ShouldBe(9);
        sold.Distinct().Count().ShouldBe(9);
        (await client.GetFromJsonAsync<JsonElement>("/api/cards/cards?status=InStock")).GetProperty("total").GetInt32().ShouldBe(1);
        (await client.GetFromJsonAsync<JsonElement>("/api/cards/cards?status=Active")).GetProperty("total").GetInt32().ShouldBe(9);
        await LedgerCheckIsCleanAsync(client);
    }
}

public sealed class SqliteBulkSaleTests(CardsHost host) : BulkSaleTests(host.Factory), IClassFixture<CardsHost>;

public sealed class PostgresBulkSaleTests(CardsPostgresHost host) : BulkSaleTests(host.Factory), IClassFixture<CardsPostgresHost>;
