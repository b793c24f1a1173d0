using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>
/// The "done when", over HTTP on the real host: a new user fills the demo data, a store asks HQ for cards and
/// receives them, sells one, tops it up; another store's till pays with it through the signed API and retries the same
/// request (one charge); the card is exchanged and the balance moves; that day's settlement shows both stores.
/// </summary>
public abstract class DoneWhenTests(CrmHostFactory factory)
{
    private const string Pin = "1357";

    protected CrmHostFactory Factory { get; } = factory;

    [Fact]
    public async Task Should_walk_a_card_from_HQ_stock_through_sale_till_payment_exchange_to_the_days_settlement()
    {
        var (_, admin) = await TenantAsync(Factory, "done");
        (await admin.PostAsync("/api/admin/demo-data", null)).EnsureSuccessStatusCode();
        var product = (await admin.GetFromJsonAsync<JsonElement>("/api/cards/products")).EnumerateArray()
            .Single(p => p.GetProperty("code").GetString() == "DEMO-SV");
        var productId = product.GetProperty("id").GetGuid();
        var demoDay = await admin.GetFromJsonAsync<JsonElement>("/api/cards/settlement");

        // Store S001 asks HQ for two cards; HQ approves and ships; the store receives them.
        var request = await OkAsync(await admin.PostAsJsonAsync("/api/cards/stock/store-requests", new { storeCode = "S001", productId, quantity = 2 }));
        var requestId = request.GetProperty("id").GetGuid();
        await OkAsync(await admin.PostAsJsonAsync($"/api/cards/stock/store-requests/{requestId}/approve", new { quantity = 2 }), HttpStatusCode.OK);
        await OkAsync(await admin.PostAsJsonAsync($"/api/cards/stock/store-requests/{requestId}/ship", new { }), HttpStatusCode.OK);
        await OkAsync(await admin.PostAsJsonAsync($"/api/cards/stock/store-requests/{requestId}/receive", new { }), HttpStatusCode.OK);
        var atStore = await admin.GetFromJsonAsync<JsonElement>($"/api/cards/stock/cards?locationCode=S001&productId={productId}&status=AtStore");
        var numbers = atStore.EnumerateArray().Select(c => c.GetProperty("number").GetString()!).ToArray();
        numbers.Length.ShouldBe(2, atStore.ToString());

        // S001 sells the first card to a member with a first top-up of 100.00 (the product's fee of 10.00 is taken as cash), then tops up 50.00.
        var member = await MemberAsync(admin, "陈静");
        var sold = await OkAsync(await admin.PostAsJsonAsync($"/api/cards/cards/{numbers[0]}/activation",
            new { memberCode = member, initialTopUp = 10_000, pin = Pin, storeCode = "S001", receiptId = "S001-0001" }), HttpStatusCode.OK);
        sold.GetProperty("status").GetString().ShouldBe("Active");
        await OkAsync(await admin.PostAsJsonAsync($"/api/cards/cards/{numbers[0]}/top-ups", new { amount = 5_000, receiptId = "S001-0002", storeCode = "S001" }));

        // S002's till pays 37.50 through the signed API, and retries the same request after a lost answer.
        var till = await PosSigner.RegisterAsync(Factory, admin, "S002");
        var payment = new { amount = 3_750, receiptId = "S002-0001", pin = Pin };
        var first = await till.PostAsync($"/api/pos/cards/{numbers[0]}/payments", payment, "S002-0001-pay");
        var firstBody = await first.Content.ReadAsStringAsync();
        first.StatusCode.ShouldBe(HttpStatusCode.Created, firstBody);
        var retry = await till.PostAsync($"/api/pos/cards/{numbers[0]}/payments", payment, "S002-0001-pay");
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(firstBody);
        var paid = await admin.GetFromJsonAsync<JsonElement>($"/api/cards/cards/{numbers[0]}/ledger");
        paid.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "Payment").ShouldBe(1, "the retry charged nothing");
        var afterPayment = await CardAsync(admin, numbers[0]);
        afterPayment.GetProperty("balance").GetInt64().ShouldBe(11_250);
        var points = afterPayment.GetProperty("points").GetInt64();
        points.ShouldBeGreaterThan(0);

        // The card is damaged: S001 exchanges it for its other card; balance, points and holder move, the old card is void.
        var exchange = await OkAsync(await admin.PostAsJsonAsync($"/api/cards/cards/{numbers[0]}/exchange",
            new { locationCode = "S001", newNumber = numbers[1], receiptId = "S001-0003", reason = "damaged" }));
        exchange.GetProperty("newNumber").GetString().ShouldBe(numbers[1]);
        var replacement = await CardAsync(admin, numbers[1]);
        (replacement.GetProperty("status").GetString(), replacement.GetProperty("balance").GetInt64(), replacement.GetProperty("points").GetInt64(), replacement.GetProperty("holderCode").GetString())
            .ShouldBe(("Active", 11_250L, points, member));
        var old = await CardAsync(admin, numbers[0]);
        (old.GetProperty("status").GetString(), old.GetProperty("balance").GetInt64()).ShouldBe(("Void", 0L));
        var refused = await till.PostAsync($"/api/pos/cards/{numbers[0]}/payments", new { amount = 100, receiptId = "S002-0002", pin = Pin }, "S002-0002-pay");
        await ProblemAsync(refused, HttpStatusCode.Conflict, "card-not-active");
        var onNewCard = await till.PostAsync($"/api/pos/cards/{numbers[1]}/payments", new { amount = 1_250, receiptId = "S002-0003", pin = Pin }, "S002-0003-pay");
        onNewCard.StatusCode.ShouldBe(HttpStatusCode.Created, await onNewCard.Content.ReadAsStringAsync());

        // That day's settlement (the demo data sold and paid on the same day): S001 took in the value and the fee, S002
        // redeemed value sold in S001 and HQ owes it that; the totals balance.
        var today = await admin.GetFromJsonAsync<JsonElement>("/api/cards/settlement");
        SettlementTestKit.ShouldBalance(today);
        long Moved(string store, string figure) => Figure(today, store, figure) - Figure(demoDay, store, figure);
        (Moved("S001", "valueSold"), Moved("S001", "fees"), Moved("S001", "takenIn")).ShouldBe((15_000L, 1_000L, 16_000L));
        (Moved("S002", "redeemed"), Moved("S002", "paymentCount"), Moved("S002", "net")).ShouldBe((5_000L, 2L, -5_000L));

        var check = await OkAsync(await admin.PostAsync("/api/cards/ledger-check", null), HttpStatusCode.OK);
        check.GetProperty("differences").GetArrayLength().ShouldBe(0, check.ToString());
    }

    private static long Figure(JsonElement report, string store, string figure) =>
        report.GetProperty("stores").EnumerateArray().FirstOrDefault(r => r.GetProperty("storeCode").GetString() == store) is { ValueKind: JsonValueKind.Object } row
            ? row.GetProperty(figure).GetInt64()
            : 0;
}

public sealed class SqliteDoneWhenTests(CardsHost host) : DoneWhenTests(host.Factory), IClassFixture<CardsHost>;

public sealed class PostgresDoneWhenTests(CardsPostgresHost host) : DoneWhenTests(host.Factory), IClassFixture<CardsPostgresHost>;
