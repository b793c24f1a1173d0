using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;
using static RetailCrm.Modules.Cards.Tests.SellingTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>Card exchange (换卡) at HQ and at a store over HTTP, with the ledger invariant and a payment racing the exchange.</summary>
public abstract class ExchangeTests(CrmHostFactory factory)
{
    protected CrmHostFactory Factory { get; } = factory;

    [Fact]
    public async Task Should_exchange_a_lost_card_at_HQ_moving_holder_balance_points_and_PIN_to_a_new_card()
    {
        var (_, client) = await TenantAsync(Factory, "exch");
        var product = await CreateProductAsync(client, ProductWithExchangeFee("SV", "8866", exchangeFee: 800));
        var member = await MemberAsync(client, "王芳");
        var stock = await StockAsync(client, product, 3);
        var old = stock[0];
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{old}/activation", new { memberCode = member, initialTopUp = 30_000, pin = "2468", storeCode = "S001" }), HttpStatusCode.OK);
        await OkAsync(await PayAsync(client, old, 5_000, pin: "2468", receipt: "P-1"));
        await OkAsync(await client.PostAsync($"/api/cards/cards/{old}/loss", null), HttpStatusCode.OK);

        var exchange = await OkAsync(await ExchangeAsync(client, old, new { locationCode = "HQ", receiptId = "X-1", reason = "lost" }));
        var fresh = exchange.GetProperty("newNumber").GetString()!;
        fresh.ShouldBe(stock[1], "picked from HQ stock in number order");
        exchange.GetProperty("oldStatus").GetString().ShouldBe("Lost");
        exchange.Long("balance").ShouldBe(25_000);
        exchange.Long("points").ShouldBe(50);
        exchange.Long("fee").ShouldBe(800);
        exchange.GetProperty("newCard").GetProperty("holderCode").GetString().ShouldBe(member);

        var oldCard = await ShouldBalanceAsync(client, old);
        oldCard.GetProperty("status").GetString().ShouldBe("Void");
        (oldCard.Long("balance"), oldCard.Long("points")).ShouldBe((0L, 0L));
        var newCard = await ShouldBalanceAsync(client, fresh);
        newCard.GetProperty("status").GetString().ShouldBe("Active");
        (newCard.Long("balance"), newCard.Long("points")).ShouldBe((25_000L, 50L));
        newCard.GetProperty("holderCode").GetString().ShouldBe(member);
        newCard.GetProperty("hasPin").GetBoolean().ShouldBeTrue();
        newCard.GetProperty("storeCode").GetString().ShouldBe("HQ");

        var oldOut = (await LedgerAsync(client, old)).Single(e => e.Kind() == "Adjustment");
        (oldOut.Long("amount"), oldOut.Long("points"), oldOut.GetProperty("reference").GetString()).ShouldBe((-25_000L, -50L, "exchange:" + fresh));
        var newLedger = await LedgerAsync(client, fresh);
        newLedger.Select(e => e.Kind()).ShouldBe(["Issue", "Adjustment"], ignoreOrder: true);
        newLedger.ShouldAllBe(e => e.GetProperty("reference").GetString() == "exchange:" + old);
        var newCharges = await ChargesAsync(client, fresh);
        var fee = newCharges.Single(c => c.Kind() == "ExchangeFee");
        (fee.Long("amount"), fee.GetProperty("storeCode").GetString()).ShouldBe((800L, "HQ"));
        newCharges.Single(c => c.Kind() == "Deposit").Long("amount").ShouldBe(2_000, "the deposit follows the card");
        (await ChargesAsync(client, old)).Single(c => c.Kind() == "DepositRefund").Long("amount").ShouldBe(-2_000);

        // The old card refuses payments; the new one pays with the old PIN.
        await ProblemAsync(await PayAsync(client, old, 100, pin: "2468", receipt: "P-2"), HttpStatusCode.Conflict, "card-not-active");
        await ProblemAsync(await PayAsync(client, fresh, 100, pin: "0000", receipt: "P-3"), (HttpStatusCode)422, "pin-invalid");
        (await OkAsync(await PayAsync(client, fresh, 1_000, pin: "2468", receipt: "P-4"))).Long("balance").ShouldBe(24_000);
        await ProblemAsync(await ExchangeAsync(client, old, new { locationCode = "HQ" }), HttpStatusCode.Conflict, "card-not-active");

        // Closing the new card pays back the deposit taken when the old one was sold.
        var closed = await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{fresh}/close", new { receiptId = "C-1" }), HttpStatusCode.OK);
        closed.GetProperty("charges").EnumerateArray().Single().Long("amount").ShouldBe(-2_000);
        (await LedgerAsync(client, fresh)).Single(e => e.Kind() == "Refund").Long("amount").ShouldBe(-24_000);

        var history = await client.GetFromJsonAsync<JsonElement>($"/api/cards/exchanges?number={old}");
        history.GetArrayLength().ShouldBe(1);
        history[0].GetProperty("newNumber").GetString().ShouldBe(fresh);
        await LedgerCheckIsCleanAsync(client);
    }

    [Fact]
    public async Task Should_exchange_at_a_store_only_from_that_stores_stock_and_set_a_new_PIN()
    {
        var (tenant, client) = await TenantAsync(Factory, "exstore");
        await StoreAsync(client, "S001");
        await StoreAsync(client, "S002");
        var product = await CreateProductAsync(client, ProductWithExchangeFee("SV", "8866", exchangeFee: 0));
        var member = await MemberAsync(client, "李雷");
        var stock = await StockAsync(client, product, 4);
        var old = stock[0];
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{old}/activation", new { memberCode = member, initialTopUp = 9_000 }), HttpStatusCode.OK);
        await PlaceAtStoreAsync(Factory, tenant, "S002", stock[1]);
        await PlaceAtStoreAsync(Factory, tenant, "S001", stock[2]);

        (await ProblemAsync(await ExchangeAsync(client, old, new { locationCode = "S001", newNumber = stock[1] }), HttpStatusCode.BadRequest, "invalid"))
            .GetProperty("errors").TryGetProperty("newNumber", out _).ShouldBeTrue();
        (await ProblemAsync(await ExchangeAsync(client, old, new { locationCode = "S001", newNumber = stock[3] }), HttpStatusCode.BadRequest, "invalid"))
            .GetProperty("errors").TryGetProperty("newNumber", out _).ShouldBeTrue();
        (await ProblemAsync(await ExchangeAsync(client, old, new { locationCode = "S999" }), HttpStatusCode.BadRequest, "invalid"))
            .GetProperty("errors").TryGetProperty("locationCode", out _).ShouldBeTrue();
        (await ProblemAsync(await ExchangeAsync(client, old, new { locationCode = "S001", pin = "12" }), HttpStatusCode.BadRequest, "invalid"))
            .GetProperty("errors").TryGetProperty("pin", out _).ShouldBeTrue();
        (await CardAsync(client, old)).GetProperty("status").GetString().ShouldBe("Active");

        var exchange = await OkAsync(await ExchangeAsync(client, old, new { locationCode = "S001", pin = "1357" }));
        var fresh = exchange.GetProperty("newNumber").GetString()!;
        fresh.ShouldBe(stock[2]);
        (await ChargesAsync(client, fresh)).Select(c => c.Kind()).ShouldBe(["Deposit"], "the product has no exchange fee; the deposit moved");
        (await OkAsync(await PayAsync(client, fresh, 500, pin: "1357", receipt: "P-1"))).Long("balance").ShouldBe(8_500);
        (await CardAsync(client, fresh)).GetProperty("storeCode").GetString().ShouldBe("S001");

        // S001 has no stock left: an exchange there is refused with nothing changed.
        var next = await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{stock[3]}/activation", new { memberCode = member, initialTopUp = 1_000 }), HttpStatusCode.OK);
        (await ProblemAsync(await ExchangeAsync(client, stock[3], new { locationCode = "S001" }), HttpStatusCode.BadRequest, "invalid"))
            .GetProperty("errors").TryGetProperty("locationCode", out _).ShouldBeTrue();
        (await ShouldBalanceAsync(client, stock[3])).GetProperty("status").GetString().ShouldBe(next.GetProperty("status").GetString());
        await ProblemAsync(await ExchangeAsync(client, stock[1], new { locationCode = "S002" }), HttpStatusCode.Conflict, "card-not-active");
        await LedgerCheckIsCleanAsync(client);
    }

    [Fact]
    public async Task Should_exchange_an_expired_card_onto_the_given_card_of_the_same_product_only()
    {
        var (tenant, client) = await TenantAsync(Factory, "exgiven");
        var product = await CreateProductAsync(client, ProductWithExchangeFee("SV", "8866"));
        var other = await CreateProductAsync(client, ProductWithExchangeFee("GOLD", "7711"));
        var member = await MemberAsync(client, "韩梅梅");
        var stock = await StockAsync(client, product, 3);
        var foreign = (await StockAsync(client, other))[0];
        var old = stock[0];
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{old}/activation", new { memberCode = member, initialTopUp = 4_000 }), HttpStatusCode.OK);
        await SetExpiryAsync(Factory, tenant, old, DateTime.UtcNow.AddDays(-3));
        await RunJobAsync(Factory, tenant, "cards.expiry");
        (await CardAsync(client, old)).GetProperty("status").GetString().ShouldBe("Expired");

        (await ProblemAsync(await ExchangeAsync(client, old, new { locationCode = "HQ", newNumber = foreign }), HttpStatusCode.BadRequest, "invalid"))
            .GetProperty("errors").TryGetProperty("newNumber", out _).ShouldBeTrue();
        (await ProblemAsync(await ExchangeAsync(client, old, new { locationCode = "HQ", newNumber = "1234" }), HttpStatusCode.BadRequest, "invalid"))
            .GetProperty("errors").TryGetProperty("newNumber", out _).ShouldBeTrue();

        var exchange = await OkAsync(await ExchangeAsync(client, old, new { locationCode = "hq", newNumber = stock[2] }));
        exchange.GetProperty("newNumber").GetString().ShouldBe(stock[2]);
        exchange.GetProperty("oldStatus").GetString().ShouldBe("Expired");
        var fresh = await ShouldBalanceAsync(client, stock[2]);
        fresh.Long("balance").ShouldBe(4_000);
        fresh.GetProperty("expiresAt").GetDateTime().ShouldBeGreaterThan(DateTime.UtcNow.AddMonths(23), "a new validity by the product");
        (await CardAsync(client, stock[1])).GetProperty("status").GetString().ShouldBe("InStock");
        (await OkAsync(await PayAsync(client, stock[2], 1_000, receipt: "P-1"))).Long("balance").ShouldBe(3_000);
        await LedgerCheckIsCleanAsync(client);
    }

    [Fact]
    public async Task Should_lose_no_money_when_payments_race_an_exchange()
    {
        var (_, client) = await TenantAsync(Factory, "exrace");
        var product = await CreateProductAsync(client, ProductWithExchangeFee("SV", "8866"));
        var member = await MemberAsync(client, "赵敏");
        var stock = await StockAsync(client, product, 2);
        var old = stock[0];
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{old}/activation", new { memberCode = member, initialTopUp = 100_000 }), HttpStatusCode.OK);

        var payments = Enumerable.Range(0, 30).Select(i => PayAsync(client, old, 1_000, receipt: $"R-{i}")).ToList();
        var exchange = ExchangeAsync(client, old, new { locationCode = "HQ" });
        var paid = await Task.WhenAll(payments);
        var exchanged = await OkAsync(await exchange);

        paid.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        var charged = paid.Count(r => r.StatusCode == HttpStatusCode.Created) * 1_000L;
        var fresh = exchanged.GetProperty("newNumber").GetString()!;
        var newCard = await ShouldBalanceAsync(client, fresh);
        newCard.Long("balance").ShouldBe(100_000 - charged);
        exchanged.Long("balance").ShouldBe(100_000 - charged);
        (await ShouldBalanceAsync(client, old)).Long("balance").ShouldBe(0);
        (await LedgerAsync(client, old)).Count(e => e.Kind() == "Payment").ShouldBe((int)(charged / 1_000));
    }
}

public sealed class SqliteExchangeTests(CardsHost host) : ExchangeTests(host.Factory), IClassFixture<CardsHost>;

public sealed class PostgresExchangeTests(CardsPostgresHost host) : ExchangeTests(host.Factory), IClassFixture<CardsPostgresHost>;
