using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>The card flows over HTTP on the real host, on SQLite and on PostgreSQL, with the ledger invariant after each.</summary>
public abstract class CardFlowTests(CrmHostFactory factory)
{
    protected CrmHostFactory Factory { get; } = factory;

    [Fact]
    public async Task Should_validate_products_and_refuse_a_second_product_with_the_same_code()
    {
        var (_, client) = await TenantAsync(Factory, "prod");
        var product = await CreateProductAsync(client, Product("GOLD"));
        product.GetProperty("kind").GetString().ShouldBe("StoredValue");
        product.GetProperty("maxBalance").GetInt64().ShouldBe(1_000_000);

        var twice = await client.PostAsJsonAsync("/api/cards/products", Product("gold"));
        (await ProblemAsync(twice, HttpStatusCode.BadRequest, "invalid")).GetProperty("errors").TryGetProperty("code", out _).ShouldBeTrue();
        var limits = await client.PostAsJsonAsync("/api/cards/products", Product("BAD", minTopUp: 9_000, maxTopUp: 1_000));
        (await ProblemAsync(limits, HttpStatusCode.BadRequest, "invalid")).GetProperty("errors").TryGetProperty("minTopUp", out _).ShouldBeTrue();
        var prefix = await client.PostAsJsonAsync("/api/cards/products", Product("BAD2", prefix: "88A"));
        (await prefix.Content.ReadAsStringAsync()).ShouldContain("NumberPrefix", Case.Insensitive);
        prefix.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var id = product.GetProperty("id").GetGuid();
        var changed = await client.PutAsJsonAsync($"/api/cards/products/{id}", new Dictionary<string, object?>(JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(Product("GOLD")))!) { ["name"] = "Gold card", ["version"] = 0L });
        (await OkAsync(changed, HttpStatusCode.OK)).GetProperty("name").GetString().ShouldBe("Gold card");
        var stale = await client.PutAsJsonAsync($"/api/cards/products/{id}", new Dictionary<string, object?>(JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(Product("GOLD")))!) { ["version"] = 0L });
        await ProblemAsync(stale, HttpStatusCode.Conflict, "conflict");
        (await client.GetFromJsonAsync<JsonElement>("/api/cards/products")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Should_number_cards_in_the_products_format_with_valid_unique_Luhn_numbers()
    {
        var (_, client) = await TenantAsync(Factory, "luhn");
        var product = await CreateProductAsync(client, Product("GIFT", prefix: "6200"));

        var batches = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => StockAsync(client, product, 20)));
        var numbers = batches.SelectMany(b => b).ToList();

        numbers.Count.ShouldBe(100);
        numbers.Distinct().Count().ShouldBe(100);
        numbers.ShouldAllBe(n => n.Length == 16 && n.StartsWith("6200") && CardNumbers.IsValid(n));
        var list = await client.GetFromJsonAsync<JsonElement>("/api/cards/cards?status=InStock&pageSize=200");
        list.GetProperty("total").GetInt32().ShouldBe(100);
        list.GetProperty("items")[0].GetProperty("number").GetString()!.ShouldStartWith("************");
        (await CardAsync(client, numbers[0])).GetProperty("number").GetString().ShouldBe(numbers[0]);

        // Card numbers never stand in clear in the audit log.
        var audit = await client.GetStringAsync("/api/admin/audit?entityType=Card&take=500");
        audit.ShouldContain("************" + numbers[0][^4..]);
        numbers.ShouldAllBe(n => !audit.Contains(n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_activate_top_up_pay_reverse_and_refund_with_the_ledger_in_balance()
    {
        var (_, client) = await TenantAsync(Factory, "flow");
        var (number, member, _) = await ActiveCardAsync(client, 10_000);
        var card = await ShouldBalanceAsync(client, number);
        card.GetProperty("status").GetString().ShouldBe("Active");
        card.GetProperty("holderCode").GetString().ShouldBe(member);
        card.GetProperty("balance").GetInt64().ShouldBe(10_000);

        var topUp = await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/top-ups", new { amount = 5_000, receiptId = "T-1" }));
        topUp.GetProperty("balance").GetInt64().ShouldBe(15_000);
        await ProblemAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/top-ups", new { amount = 50 }), HttpStatusCode.BadRequest, "invalid");
        await ProblemAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/top-ups", new { amount = 600_000 }), HttpStatusCode.BadRequest, "invalid");
        await ShouldBalanceAsync(client, number);

        var payment = await OkAsync(await PayAsync(client, number, 3_250, receipt: "P-1"));
        payment.GetProperty("balance").GetInt64().ShouldBe(11_750);
        payment.GetProperty("pointsChange").GetInt64().ShouldBe(32);
        payment.GetProperty("points").GetInt64().ShouldBe(32);
        await ProblemAsync(await PayAsync(client, number, 20_000), HttpStatusCode.Conflict, "insufficient-balance");
        await ShouldBalanceAsync(client, number);

        var paymentId = payment.GetProperty("transactionId").GetGuid();
        var reversal = await OkAsync(await client.PostAsJsonAsync($"/api/cards/payments/{paymentId}/reversal", new { receiptId = "P-1-R" }));
        reversal.GetProperty("balance").GetInt64().ShouldBe(15_000);
        reversal.GetProperty("points").GetInt64().ShouldBe(0);
        await ProblemAsync(await client.PostAsJsonAsync($"/api/cards/payments/{paymentId}/reversal", new { }), HttpStatusCode.Conflict, "already-reversed");
        await ShouldBalanceAsync(client, number);

        var second = await OkAsync(await PayAsync(client, number, 4_000, receipt: "P-2"));
        var secondId = second.GetProperty("transactionId").GetGuid();
        (await OkAsync(await client.PostAsJsonAsync($"/api/cards/payments/{secondId}/refunds", new { amount = 1_500 }))).GetProperty("balance").GetInt64().ShouldBe(12_500);
        await ProblemAsync(await client.PostAsJsonAsync($"/api/cards/payments/{secondId}/refunds", new { amount = 3_000 }), HttpStatusCode.BadRequest, "invalid");
        (await OkAsync(await client.PostAsJsonAsync($"/api/cards/payments/{secondId}/refunds", new { amount = 2_500 }))).GetProperty("balance").GetInt64().ShouldBe(15_000);
        await ProblemAsync(await client.PostAsJsonAsync($"/api/cards/payments/{secondId}/reversal", new { }), HttpStatusCode.Conflict, "conflict");
        var final = await ShouldBalanceAsync(client, number);
        final.GetProperty("points").GetInt64().ShouldBe(0);

        var ledger = await client.GetFromJsonAsync<JsonElement>($"/api/cards/cards/{number}/ledger");
        ledger.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe(
            ["Issue", "TopUp", "TopUp", "Payment", "PointsEarn", "Reversal", "PointsRedeem", "Payment", "PointsEarn", "Refund", "PointsRedeem", "Refund", "PointsRedeem"], ignoreOrder: true);
    }

    [Fact]
    public async Task Should_refuse_a_wrong_PIN_and_lock_the_card_after_the_products_attempts()
    {
        var (_, client) = await TenantAsync(Factory, "pin");
        var (number, _, _) = await ActiveCardAsync(client, 10_000, pin: true);

        (await OkAsync(await PayAsync(client, number, 100, pin: "2468"))).GetProperty("balance").GetInt64().ShouldBe(9_900);
        (await ProblemAsync(await PayAsync(client, number, 100, pin: "0000"), (HttpStatusCode)422, "pin-invalid")).GetProperty("attemptsLeft").GetInt32().ShouldBe(2);
        await ProblemAsync(await PayAsync(client, number, 100), (HttpStatusCode)422, "pin-invalid");
        (await ProblemAsync(await PayAsync(client, number, 100, pin: "1111"), (HttpStatusCode)422, "pin-invalid")).GetProperty("attemptsLeft").GetInt32().ShouldBe(0);

        (await CardAsync(client, number)).GetProperty("status").GetString().ShouldBe("Frozen");
        await ProblemAsync(await PayAsync(client, number, 100, pin: "2468"), HttpStatusCode.Conflict, "card-not-active");
        (await OkAsync(await client.PostAsync($"/api/cards/cards/{number}/unfreeze", null), HttpStatusCode.OK)).GetProperty("failedPinAttempts").GetInt32().ShouldBe(0);
        (await OkAsync(await PayAsync(client, number, 100, pin: "2468", receipt: "R-2"))).GetProperty("balance").GetInt64().ShouldBe(9_800);
        (await CardAsync(client, number)).ToString().ShouldNotContain("2468");
        await ShouldBalanceAsync(client, number);
    }

    [Fact]
    public async Task Should_freeze_report_loss_and_close_with_a_refund_of_the_balance()
    {
        var (_, client) = await TenantAsync(Factory, "close");
        var (number, _, product) = await ActiveCardAsync(client, 8_000);
        await OkAsync(await PayAsync(client, number, 1_000));

        (await OkAsync(await client.PostAsync($"/api/cards/cards/{number}/freeze", null), HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("Frozen");
        await ProblemAsync(await PayAsync(client, number, 100), HttpStatusCode.Conflict, "card-not-active");
        await ProblemAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/top-ups", new { amount = 1_000 }), HttpStatusCode.Conflict, "card-not-active");
        await ProblemAsync(await client.PostAsync($"/api/cards/cards/{number}/freeze", null), HttpStatusCode.Conflict, "card-not-active");
        await OkAsync(await client.PostAsync($"/api/cards/cards/{number}/unfreeze", null), HttpStatusCode.OK);
        (await OkAsync(await client.PostAsync($"/api/cards/cards/{number}/loss", null), HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("Lost");
        await ProblemAsync(await PayAsync(client, number, 100), HttpStatusCode.Conflict, "card-not-active");
        await ShouldBalanceAsync(client, number);

        var closed = await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/close", new { receiptId = "C-1" }), HttpStatusCode.OK);
        closed.GetProperty("status").GetString().ShouldBe("Closed");
        closed.GetProperty("balance").GetInt64().ShouldBe(0);
        await ShouldBalanceAsync(client, number);
        var ledger = await client.GetFromJsonAsync<JsonElement>($"/api/cards/cards/{number}/ledger");
        ledger.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "Refund").GetProperty("amount").GetInt64().ShouldBe(-7_000);
        await ProblemAsync(await client.PostAsync($"/api/cards/cards/{number}/close", null), HttpStatusCode.Conflict, "card-not-active");

        // A card in stock cannot be paid with; a product with cards cannot be deleted.
        var inStock = (await StockAsync(client, product))[0];
        await ProblemAsync(await PayAsync(client, inStock, 100), HttpStatusCode.Conflict, "card-not-active");
        await ProblemAsync(await client.DeleteAsync($"/api/cards/products/{product.GetProperty("id").GetGuid()}"), HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Should_report_a_card_whose_balance_differs_from_its_ledger()
    {
        var (tenant, client) = await TenantAsync(Factory, "check");
        var (number, _, _) = await ActiveCardAsync(client, 5_000);
        await ShouldBalanceAsync(client, number);

        await Factory.InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<CardsDbContext>();
            var card = await db.Set<Card>().AsNoTracking().FirstAsync(c => c.Number == number);
            db.Set<LedgerEntry>().Add(new LedgerEntry { Id = Guid.NewGuid(), CardId = card.Id, Kind = LedgerEntryKind.Adjustment, Amount = 1, BalanceAfter = 5_001, OccurredAt = DateTime.UtcNow, Reference = "planted" });
            return await db.SaveChangesAsync();
        });

        var report = await OkAsync(await client.PostAsync("/api/cards/ledger-check", null), HttpStatusCode.OK);
        var difference = report.GetProperty("differences").EnumerateArray().ShouldHaveSingleItem();
        difference.GetProperty("cardNumber").GetString().ShouldBe(Card.Mask(number));
        difference.GetProperty("balance").GetInt64().ShouldBe(5_000);
        difference.GetProperty("ledgerBalance").GetInt64().ShouldBe(5_001);
        report.GetProperty("balanced").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Should_never_overdraw_a_card_under_50_parallel_payments()
    {
        var (_, client) = await TenantAsync(Factory, "race");
        var (number, _, _) = await ActiveCardAsync(client, 10_000);

        // 50 tills pay 300 each on a card holding 10,000: exactly 33 fit.
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => PayAsync(client, number, 300, receipt: $"R-{i}")));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        statuses.Count(s => s == 201).ShouldBe(33, string.Join(",", statuses));
        statuses.Count(s => s == 409).ShouldBe(17, string.Join(",", statuses));
        var card = await ShouldBalanceAsync(client, number);
        card.GetProperty("balance").GetInt64().ShouldBe(100);
        card.GetProperty("points").GetInt64().ShouldBe(33 * 3);
    }

    [Fact]
    public async Task Should_keep_tenants_cards_apart()
    {
        var (_, first) = await TenantAsync(Factory, "iso-a");
        var (_, second) = await TenantAsync(Factory, "iso-b");
        var (number, _, _) = await ActiveCardAsync(first, 5_000);
        var (otherNumber, _, _) = await ActiveCardAsync(second, 1_000);

        otherNumber.ShouldBe(number, "each tenant numbers its own cards");
        (await CardAsync(second, number)).GetProperty("balance").GetInt64().ShouldBe(1_000);
        (await second.GetFromJsonAsync<JsonElement>("/api/cards/cards")).GetProperty("total").GetInt32().ShouldBe(1);
        var payment = await OkAsync(await PayAsync(first, number, 500));
        await ProblemAsync(await second.PostAsJsonAsync($"/api/cards/payments/{payment.GetProperty("transactionId").GetGuid()}/reversal", new { }), HttpStatusCode.NotFound, "not-found");
        (await CardAsync(first, number)).GetProperty("balance").GetInt64().ShouldBe(4_500);
        (await CardAsync(second, number)).GetProperty("balance").GetInt64().ShouldBe(1_000);
    }

    [Fact]
    public async Task Should_earn_points_on_the_membership_card_from_a_members_purchase_once()
    {
        var (_, client) = await TenantAsync(Factory, "points");
        var product = await CreateProductAsync(client, Product("MEM", kind: "Membership"));
        var member = await MemberAsync(client, "赵敏");
        var number = (await StockAsync(client, product))[0];
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/activation", new { memberCode = member }), HttpStatusCode.OK);

        var purchase = new { customerCode = member, receiptId = "M-1", storeCode = "S001", purchasedAt = DateTime.UtcNow.AddMinutes(-1), amount = 12_880, currency = "CNY", tender = "cash" };
        await OkAsync(await client.PostAsJsonAsync("/api/members/purchases", purchase));
        await OkAsync(await client.PostAsJsonAsync("/api/members/purchases", purchase), HttpStatusCode.OK);

        await CrmHostFactory.EventuallyAsync(async () => (await CardAsync(client, number)).GetProperty("points").GetInt64() == 128, "points from the purchase");
        await Task.Delay(500);
        (await ShouldBalanceAsync(client, number)).GetProperty("points").GetInt64().ShouldBe(128);
    }
}

public sealed class SqliteCardFlowTests(CardsHost host) : CardFlowTests(host.Factory), IClassFixture<CardsHost>;

public sealed class PostgresCardFlowTests(CardsPostgresHost host) : CardFlowTests(host.Factory), IClassFixture<CardsPostgresHost>;
