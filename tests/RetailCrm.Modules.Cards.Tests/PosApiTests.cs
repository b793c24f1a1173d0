using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>The signed till API on the real host: signature, replay and timestamp refusal, idempotent payments, tenant isolation.</summary>
public abstract class PosApiTests(CrmHostFactory factory)
{
    protected CrmHostFactory Factory { get; } = factory;

    [Fact]
    public async Task Should_register_list_and_revoke_terminals_without_showing_the_secret_again()
    {
        var (_, admin) = await TenantAsync(Factory, "term");
        var created = await OkAsync(await admin.PostAsJsonAsync("/api/cards/terminals", new { storeCode = "S001", name = "Till A" }));
        created.GetProperty("secret").GetString()!.Length.ShouldBeGreaterThan(20);
        var id = created.GetProperty("id").GetGuid();

        var list = await admin.GetStringAsync("/api/cards/terminals");
        list.ShouldContain(id.ToString());
        list.ShouldNotContain("secret", Case.Insensitive);

        (await admin.DeleteAsync($"/api/cards/terminals/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetFromJsonAsync<JsonElement>("/api/cards/terminals"))[0].GetProperty("revokedAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Should_take_a_signed_payment_once_however_often_it_is_retried()
    {
        var (_, admin) = await TenantAsync(Factory, "pospay");
        var (number, member, _) = await ActiveCardAsync(admin, 50_000);
        var pos = await PosSigner.RegisterAsync(Factory, admin);

        var card = await OkAsync(await pos.GetAsync($"/api/pos/cards/{number}"), HttpStatusCode.OK);
        card.GetProperty("balance").GetInt64().ShouldBe(50_000);
        card.GetProperty("holderCode").GetString().ShouldBe(member);
        card.GetProperty("holderName").GetString().ShouldBe("王*");

        var body = new { amount = 1234, receiptId = "R-1", pin = (string?)null };
        var first = await pos.PostAsync($"/api/pos/cards/{number}/payments", body, "key-1");
        var firstBody = await first.Content.ReadAsStringAsync();
        first.StatusCode.ShouldBe(HttpStatusCode.Created, firstBody);
        JsonDocument.Parse(firstBody).RootElement.GetProperty("balance").GetInt64().ShouldBe(48_766);

        // Same key, same body, a new nonce and signature: the first answer again, nothing charged.
        var again = await pos.PostAsync($"/api/pos/cards/{number}/payments", body, "key-1");
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await again.Content.ReadAsStringAsync()).ShouldBe(firstBody);
        (await CardAsync(admin, number)).GetProperty("balance").GetInt64().ShouldBe(48_766);

        var other = await pos.PostAsync($"/api/pos/cards/{number}/payments", new { amount = 999, receiptId = "R-1" }, "key-1");
        await ProblemAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");

        var ledger = await ShouldBalanceAsync(admin, number);
        ledger.GetProperty("balance").GetInt64().ShouldBe(48_766);
        var entries = await admin.GetFromJsonAsync<JsonElement>($"/api/cards/cards/{number}/ledger");
        entries.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "Payment").ShouldBe(1);
        entries.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "Payment").GetProperty("storeCode").GetString().ShouldBe("S002");

        // Reversal and top-up through the till, also idempotent writes.
        var transactionId = JsonDocument.Parse(firstBody).RootElement.GetProperty("transactionId").GetGuid();
        var reversed = await OkAsync(await pos.PostAsync($"/api/pos/payments/{transactionId}/reversal", new { receiptId = "R-1" }, "key-2"));
        reversed.GetProperty("balance").GetInt64().ShouldBe(50_000);
        var topUp = await OkAsync(await pos.PostAsync($"/api/pos/cards/{number}/top-ups", new { amount = 1_000, receiptId = "R-2" }, "key-3"));
        topUp.GetProperty("balance").GetInt64().ShouldBe(51_000);
        await ShouldBalanceAsync(admin, number);
    }

    [Fact]
    public async Task Should_activate_a_card_in_stock_through_the_till()
    {
        var (_, admin) = await TenantAsync(Factory, "posact");
        var product = await CreateProductAsync(admin, Product("SV"));
        var member = await MemberAsync(admin, "李雷");
        var number = (await StockAsync(admin, product))[0];
        var pos = await PosSigner.RegisterAsync(Factory, admin, "S007");

        var card = await OkAsync(await pos.PostAsync($"/api/pos/cards/{number}/activation", new { memberCode = member, initialTopUp = 5_000 }, "act-1"));
        card.GetProperty("status").GetString().ShouldBe("Active");
        card.GetProperty("balance").GetInt64().ShouldBe(5_000);
        (await CardAsync(admin, number)).GetProperty("storeCode").GetString().ShouldBe("S007");
    }

    [Fact]
    public async Task Should_refuse_replayed_stale_forged_and_revoked_requests_with_401()
    {
        var (_, admin) = await TenantAsync(Factory, "possig");
        var (number, _, _) = await ActiveCardAsync(admin, 50_000);
        var pos = await PosSigner.RegisterAsync(Factory, admin);
        var body = new { amount = 100, receiptId = "R" };

        (await pos.PostAsync($"/api/pos/cards/{number}/payments", body, "k1", nonce: "n-1")).StatusCode.ShouldBe(HttpStatusCode.Created);
        await ProblemAsync(await pos.PostAsync($"/api/pos/cards/{number}/payments", body, "k2", nonce: "n-1"), HttpStatusCode.Unauthorized, "nonce-reused");
        await ProblemAsync(await pos.PostAsync($"/api/pos/cards/{number}/payments", body, "k3", at: DateTimeOffset.UtcNow.AddMinutes(-10)), HttpStatusCode.Unauthorized, "timestamp-out-of-range");
        var forged = Convert.ToBase64String(new byte[32]);
        await ProblemAsync(await pos.PostAsync($"/api/pos/cards/{number}/payments", body, "k4", signature: forged), HttpStatusCode.Unauthorized, "signature-invalid");
        await ProblemAsync(await new PosSigner(Factory.CreateClient(), Guid.NewGuid(), "nope").GetAsync($"/api/pos/cards/{number}"), HttpStatusCode.Unauthorized, "terminal-unknown");

        (await admin.DeleteAsync($"/api/cards/terminals/{pos.TerminalId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ProblemAsync(await pos.GetAsync($"/api/pos/cards/{number}"), HttpStatusCode.Unauthorized, "terminal-unknown");
        (await CardAsync(admin, number)).GetProperty("balance").GetInt64().ShouldBe(49_900);
    }

    [Fact]
    public async Task Should_not_let_a_terminal_of_one_tenant_see_another_tenants_card()
    {
        var (_, adminA) = await TenantAsync(Factory, "posa");
        var (_, adminB) = await TenantAsync(Factory, "posb");
        var (numberB, _, _) = await ActiveCardAsync(adminB, 10_000, prefix: "7711");
        var posA = await PosSigner.RegisterAsync(Factory, adminA);

        await ProblemAsync(await posA.GetAsync($"/api/pos/cards/{numberB}"), HttpStatusCode.NotFound, "not-found");
        await ProblemAsync(await posA.PostAsync($"/api/pos/cards/{numberB}/payments", new { amount = 100, receiptId = "R" }, "x1"), HttpStatusCode.NotFound, "not-found");
        (await CardAsync(adminB, numberB)).GetProperty("balance").GetInt64().ShouldBe(10_000);
    }

    [Fact]
    public async Task Should_refuse_a_terminal_whose_tenant_has_cards_off_through_any_host_name()
    {
        var (tenant, admin) = await TenantAsync(Factory, "posoff");
        var (number, _, _) = await ActiveCardAsync(admin, 10_000);
        var pos = await PosSigner.RegisterAsync(Factory, admin);
        (await pos.GetAsync($"/api/pos/cards/{number}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.PutAsJsonAsync("/api/admin/modules/cards", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // localhost is the default tenant, which has cards on: the module gate must look at the terminal's tenant.
        foreach (var host in new[] { "localhost", $"{tenant}.test", "nowhere.test" })
        {
            var till = pos.At(Factory, host);
            await ProblemAsync(await till.GetAsync($"/api/pos/cards/{number}"), HttpStatusCode.NotFound, "not-found");
            await ProblemAsync(await till.PostAsync($"/api/pos/cards/{number}/payments", new { amount = 100, receiptId = "R-" + host }, "off-" + host), HttpStatusCode.NotFound, "not-found");
        }

        (await admin.PutAsJsonAsync("/api/admin/modules/cards", new { enabled = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CardAsync(admin, number)).GetProperty("balance").GetInt64().ShouldBe(10_000);
    }

    [Fact]
    public async Task Should_act_on_the_terminals_own_tenant_whatever_host_name_the_till_calls()
    {
        var (_, adminA) = await TenantAsync(Factory, "poshosta");
        var (tenantB, adminB) = await TenantAsync(Factory, "poshostb");
        var (numberA, _, _) = await ActiveCardAsync(adminA, 10_000, prefix: "6611");
        var (numberB, _, _) = await ActiveCardAsync(adminB, 10_000, prefix: "6622");
        var posA = await PosSigner.RegisterAsync(Factory, adminA);

        var paid = 0;
        foreach (var host in new[] { $"{tenantB}.test", "nowhere.test", "localhost" })
        {
            var till = posA.At(Factory, host);
            await OkAsync(await till.GetAsync($"/api/pos/cards/{numberA}"), HttpStatusCode.OK);
            await OkAsync(await till.PostAsync($"/api/pos/cards/{numberA}/payments", new { amount = 100, receiptId = "R-" + host }, "host-" + host));
            paid += 100;
            await ProblemAsync(await till.GetAsync($"/api/pos/cards/{numberB}"), HttpStatusCode.NotFound, "not-found");
        }

        (await CardAsync(adminA, numberA)).GetProperty("balance").GetInt64().ShouldBe(10_000 - paid);
        (await CardAsync(adminB, numberB)).GetProperty("balance").GetInt64().ShouldBe(10_000);
        await ShouldBalanceAsync(adminA, numberA);
    }
}

public sealed class SqlitePosApiTests(CardsHost host) : PosApiTests(host.Factory), IClassFixture<CardsHost>;

public sealed class PostgresPosApiTests(CardsPostgresHost host) : PosApiTests(host.Factory), IClassFixture<CardsPostgresHost>;
