using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;
using static RetailCrm.Modules.Cards.Tests.SellingTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>Receipt ids, counter charges, store location on sale, points redemption and the expiry and nonce jobs, on SQLite and PostgreSQL.</summary>
public abstract class SellingTests(CrmHostFactory factory)
{
    protected CrmHostFactory Factory { get; } = factory;

    [Fact]
    public async Task Should_charge_a_payment_once_per_receipt_id_and_refuse_the_receipt_for_another_amount()
    {
        var (_, client) = await TenantAsync(Factory, "rcpt");
        var (number, _, _) = await ActiveCardAsync(client, 10_000);

        var first = await OkAsync(await PayAsync(client, number, 1_500, receipt: "R-100"));
        var again = await OkAsync(await PayAsync(client, number, 1_500, receipt: "R-100"));
        again.GetProperty("transactionId").GetGuid().ShouldBe(first.GetProperty("transactionId").GetGuid());
        again.Long("balance").ShouldBe(8_500);
        again.ToString().ShouldBe(first.ToString());

        var other = await ProblemAsync(await PayAsync(client, number, 999, receipt: "R-100"), HttpStatusCode.Conflict, "conflict");
        other.GetProperty("errors").TryGetProperty("receiptId", out _).ShouldBeTrue();
        (await OkAsync(await PayAsync(client, number, 1_500, receipt: "R-101"))).Long("balance").ShouldBe(7_000);

        var topUp = await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/top-ups", new { amount = 2_000, receiptId = "T-1" }));
        var topUpAgain = await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/top-ups", new { amount = 2_000, receiptId = "T-1" }));
        topUpAgain.ToString().ShouldBe(topUp.ToString());
        var topUpOther = await ProblemAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/top-ups", new { amount = 3_000, receiptId = "T-1" }), HttpStatusCode.Conflict, "conflict");
        topUpOther.GetProperty("errors").TryGetProperty("receiptId", out _).ShouldBeTrue();

        // A payment and a top-up may share a receipt id (one till receipt); only the same kind is one operation.
        (await OkAsync(await PayAsync(client, number, 100, receipt: "T-1"))).Long("balance").ShouldBe(8_900);
        var ledger = await LedgerAsync(client, number);
        ledger.Count(e => e.Kind() == "Payment").ShouldBe(3);
        ledger.Count(e => e.Kind() == "TopUp").ShouldBe(2);
        (await ShouldBalanceAsync(client, number)).Long("balance").ShouldBe(8_900);
    }

    [Fact]
    public async Task Should_charge_once_when_parallel_payments_and_top_ups_share_a_receipt_id()
    {
        var (_, client) = await TenantAsync(Factory, "rcptpar");
        var (number, _, _) = await ActiveCardAsync(client, 50_000);

        var payments = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => PayAsync(client, number, 700, receipt: "SAME")));
        var bodies = await Task.WhenAll(payments.Select(async r => (r.StatusCode, Body: await r.Content.ReadAsStringAsync())));
        bodies.ShouldAllBe(b => b.StatusCode == HttpStatusCode.Created, string.Join("\n", bodies.Select(b => b.Body)));
        bodies.Select(b => System.Text.Json.JsonDocument.Parse(b.Body).RootElement.GetProperty("transactionId").GetGuid()).Distinct().Count().ShouldBe(1);

        var topUps = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.PostAsJsonAsync($"/api/cards/cards/{number}/top-ups", new { amount = 300, receiptId = "SAME-T" })));
        topUps.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);

        var ledger = await LedgerAsync(client, number);
        ledger.Count(e => e.Kind() == "Payment").ShouldBe(1);
        ledger.Count(e => e.Kind() == "TopUp" && e.GetProperty("receiptId").GetString() == "SAME-T").ShouldBe(1);
        (await ShouldBalanceAsync(client, number)).Long("balance").ShouldBe(50_000 - 700 + 300);
    }

    [Fact]
    public async Task Should_record_fee_and_deposit_at_sale_as_counter_charges_and_pay_the_deposit_back_on_close()
    {
        var (_, client) = await TenantAsync(Factory, "charge");
        var product = await CreateProductAsync(client, Product("SV"));
        var member = await MemberAsync(client, "韩梅梅");
        var number = (await StockAsync(client, product))[0];

        var sold = await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/activation", new { memberCode = member, initialTopUp = 5_000, storeCode = "S001", receiptId = "S-1" }), HttpStatusCode.OK);
        sold.Long("balance").ShouldBe(5_000, "fee and deposit are cash at the counter, not taken off the card");
        var taken = sold.GetProperty("charges").EnumerateArray().ToArray();
        taken.Select(c => (c.Kind(), c.Long("amount"))).ShouldBe([("Fee", 1_000L), ("Deposit", 2_000L)], ignoreOrder: true);
        taken.ShouldAllBe(c => c.GetProperty("storeCode").GetString() == "S001" && c.GetProperty("receiptId").GetString() == "S-1");
        (await LedgerAsync(client, number)).Single(e => e.Kind() == "Issue").GetProperty("reference").GetString()!.ShouldContain("deposit 2000");

        var closed = await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/close", new { receiptId = "C-1", storeCode = "S003" }), HttpStatusCode.OK);
        var refund = closed.GetProperty("charges").EnumerateArray().Single();
        (refund.Kind(), refund.Long("amount")).ShouldBe(("DepositRefund", -2_000L));
        var charges = await ChargesAsync(client, number);
        charges.Length.ShouldBe(3);
        charges.Where(c => c.Kind() is "Deposit" or "DepositRefund").Sum(c => c.Long("amount")).ShouldBe(0);
        (await ShouldBalanceAsync(client, number)).Long("balance").ShouldBe(0);
        (await CardAsync(client, number)).TryGetProperty("charges", out _).ShouldBeFalse("charges are part of a sale's answer only");
    }

    [Fact]
    public async Task Should_sell_a_card_of_a_stores_stock_only_at_that_store_and_HQ_stock_anywhere()
    {
        var (tenant, client) = await TenantAsync(Factory, "loc");
        var product = await CreateProductAsync(client, Product("SV"));
        var member = await MemberAsync(client, "李雷");
        var numbers = await StockAsync(client, product, 2);
        await PlaceAtStoreAsync(Factory, tenant, "S001", numbers[0]);

        var elsewhere = await ProblemAsync(await client.PostAsJsonAsync($"/api/cards/cards/{numbers[0]}/activation", new { memberCode = member, storeCode = "S002" }), HttpStatusCode.BadRequest, "invalid");
        elsewhere.GetProperty("errors").TryGetProperty("storeCode", out _).ShouldBeTrue();
        await ProblemAsync(await client.PostAsJsonAsync($"/api/cards/cards/{numbers[0]}/activation", new { memberCode = member }), HttpStatusCode.BadRequest, "invalid");
        (await CardAsync(client, numbers[0])).GetProperty("status").GetString().ShouldBe("AtStore");
        (await ChargesAsync(client, numbers[0])).ShouldBeEmpty();

        var sold = await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{numbers[0]}/activation", new { memberCode = member, storeCode = "s001" }), HttpStatusCode.OK);
        sold.GetProperty("status").GetString().ShouldBe("Active");
        var fromHq = await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{numbers[1]}/activation", new { memberCode = member, storeCode = "S002" }), HttpStatusCode.OK);
        fromHq.GetProperty("storeCode").GetString().ShouldBe("S002");

        // Through the till, the terminal's store is the store code.
        var more = await StockAsync(client, product, 2);
        await PlaceAtStoreAsync(Factory, tenant, "S001", more);
        var tillOfS002 = await PosSigner.RegisterAsync(Factory, client, "S002");
        var refused = await ProblemAsync(await tillOfS002.PostAsync($"/api/pos/cards/{more[0]}/activation", new { memberCode = member }, "a-1"), HttpStatusCode.BadRequest, "invalid");
        refused.GetProperty("errors").TryGetProperty("storeCode", out _).ShouldBeTrue();
        var tillOfS001 = await PosSigner.RegisterAsync(Factory, client, "S001");
        await OkAsync(await tillOfS001.PostAsync($"/api/pos/cards/{more[0]}/activation", new { memberCode = member }, "a-2"));
        await LedgerCheckIsCleanAsync(client);
    }

    [Fact]
    public async Task Should_redeem_points_and_never_below_zero()
    {
        var (_, client) = await TenantAsync(Factory, "redeem");
        var (number, _, _) = await ActiveCardAsync(client, 20_000);
        (await OkAsync(await PayAsync(client, number, 12_345, receipt: "P-1"))).Long("points").ShouldBe(123);

        var redeemed = await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/points-redemptions", new { points = 100, reason = "gift: umbrella", receiptId = "G-1", storeCode = "S001" }));
        redeemed.Kind().ShouldBe("PointsRedeem");
        redeemed.Long("points").ShouldBe(23);
        redeemed.Long("pointsChange").ShouldBe(-100);
        redeemed.Long("balance").ShouldBe(20_000 - 12_345);

        var tooMany = await ProblemAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/points-redemptions", new { points = 24, reason = "gift" }), HttpStatusCode.BadRequest, "invalid");
        tooMany.GetProperty("errors").TryGetProperty("points", out _).ShouldBeTrue();
        await ProblemAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/points-redemptions", new { points = 0, reason = "gift" }), HttpStatusCode.BadRequest, "invalid");
        await ProblemAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/points-redemptions", new { points = 5 }), HttpStatusCode.BadRequest, "invalid");

        var all = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsJsonAsync($"/api/cards/cards/{number}/points-redemptions", new { points = 5, reason = "coffee" })));
        all.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(4);
        var card = await ShouldBalanceAsync(client, number);
        card.Long("points").ShouldBe(3);
        (await LedgerAsync(client, number)).Single(e => e.GetProperty("receiptId").GetString() == "G-1").GetProperty("reference").GetString()!.ShouldContain("umbrella");
    }

    [Fact]
    public async Task Should_expire_cards_past_their_date_by_the_daily_job_and_keep_their_balance_for_the_refund()
    {
        var (tenant, client) = await TenantAsync(Factory, "expiry");
        var (number, _, product) = await ActiveCardAsync(client, 6_000);
        var member = await MemberAsync(client, "张三");
        var others = await StockAsync(client, product, 2);
        foreach (var other in others)
        {
            await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{other}/activation", new { memberCode = member, initialTopUp = 1_000 }), HttpStatusCode.OK);
        }

        await OkAsync(await client.PostAsync($"/api/cards/cards/{others[1]}/freeze", null), HttpStatusCode.OK);
        var before = (await CardAsync(client, number)).Long("version");

        // The host's scheduler may run the job for the new tenant at any tick too; either run must do the same.
        await SetExpiryAsync(Factory, tenant, number, DateTime.UtcNow.AddDays(-1));
        await SetExpiryAsync(Factory, tenant, others[1], DateTime.UtcNow.AddMinutes(-5));

        await RunJobAsync(Factory, tenant, "cards.expiry");

        var expired = await CardAsync(client, number);
        expired.GetProperty("status").GetString().ShouldBe("Expired");
        expired.Long("balance").ShouldBe(6_000);
        expired.Long("version").ShouldBeGreaterThan(before);
        (await CardAsync(client, others[1])).GetProperty("status").GetString().ShouldBe("Expired");
        (await CardAsync(client, others[0])).GetProperty("status").GetString().ShouldBe("Active");
        await Factory.InTenantAsync(tenant, async services =>
        {
            var changedAt = await services.GetRequiredService<CardsDbContext>().Set<Card>().AsNoTracking().Where(c => c.Number == number).Select(c => c.StatusChangedAt).FirstAsync();
            changedAt!.Value.ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-5));
            return true;
        });

        await ProblemAsync(await PayAsync(client, number, 100), HttpStatusCode.Conflict, "card-not-active");
        var closed = await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/close", new { receiptId = "C-9" }), HttpStatusCode.OK);
        closed.GetProperty("status").GetString().ShouldBe("Closed");
        (await LedgerAsync(client, number)).Single(e => e.Kind() == "Refund").Long("amount").ShouldBe(-6_000);
        await ShouldBalanceAsync(client, number);
    }

    [Fact]
    public async Task Should_forget_terminal_nonces_older_than_the_window_by_the_cleanup_job()
    {
        var (tenant, client) = await TenantAsync(Factory, "nonce");
        var (number, _, _) = await ActiveCardAsync(client, 1_000);
        var pos = await PosSigner.RegisterAsync(Factory, client);
        (await pos.GetAsync($"/api/pos/cards/{number}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (otherTenant, otherClient) = await TenantAsync(Factory, "nonce2");
        var otherPos = await PosSigner.RegisterAsync(Factory, otherClient);

        foreach (var (name, terminal) in new[] { (tenant, pos.TerminalId), (otherTenant, otherPos.TerminalId) })
        {
            await Factory.InTenantAsync(name, services =>
            {
                var db = services.GetRequiredService<CardsDbContext>();
                db.Set<TerminalNonce>().Add(new TerminalNonce { TerminalId = terminal, Nonce = "old-1", UsedAt = DateTime.UtcNow.AddMinutes(-30) });
                db.Set<TerminalNonce>().Add(new TerminalNonce { TerminalId = terminal, Nonce = "old-2", UsedAt = DateTime.UtcNow.AddMinutes(-11) });
                db.Set<TerminalNonce>().Add(new TerminalNonce { TerminalId = terminal, Nonce = "fresh", UsedAt = DateTime.UtcNow.AddMinutes(-2) });
                return db.SaveChangesAsync();
            });
        }

        await RunJobAsync(Factory, tenant, "cards.terminal-nonces");

        var left = await Factory.InTenantAsync(tenant, services => services.GetRequiredService<CardsDbContext>().Set<TerminalNonce>().AsNoTracking()
            .Where(n => n.TerminalId == pos.TerminalId || n.TerminalId == otherPos.TerminalId).Select(n => new { n.TerminalId, n.Nonce }).ToListAsync());
        left.Where(n => n.TerminalId == pos.TerminalId).Select(n => n.Nonce).ShouldNotContain("old-1");
        left.Where(n => n.TerminalId == pos.TerminalId).Select(n => n.Nonce).ShouldNotContain("old-2");
        left.Where(n => n.TerminalId == pos.TerminalId).Select(n => n.Nonce).ShouldContain("fresh");
        left.Count(n => n.TerminalId == pos.TerminalId).ShouldBe(2, "the fresh nonce and the one of the GET");
        // Another tenant's run (the host's scheduler runs the job too) may forget its old nonces, never its fresh one.
        left.Where(n => n.TerminalId == otherPos.TerminalId).Select(n => n.Nonce).ShouldContain("fresh");
    }
}

public sealed class SqliteSellingTests(CardsHost host) : SellingTests(host.Factory), IClassFixture<CardsHost>;

public sealed class PostgresSellingTests(CardsPostgresHost host) : SellingTests(host.Factory), IClassFixture<CardsPostgresHost>;
