using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;
using static RetailCrm.Modules.Cards.Tests.SellingTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>The till's refusals through /api/pos: a key still in flight, a wrong PIN, a short balance, a receipt id reused.</summary>
public abstract class PosRefusalTests(CrmHostFactory factory)
{
    protected CrmHostFactory Factory { get; } = factory;

    [Fact]
    public async Task Should_answer_409_while_the_first_request_with_the_same_key_is_in_flight()
    {
        var (tenant, admin) = await TenantAsync(Factory, "posflight");
        var (number, _, _) = await ActiveCardAsync(admin, 10_000);
        var pos = await PosSigner.RegisterAsync(Factory, admin);
        var path = $"/api/pos/cards/{number}/payments";
        var body = new { amount = 700, receiptId = "R-7" };

        // The first request is held "running": its claim is put in the store the way the filter makes it.
        var release = await HoldAsync(tenant, pos, path, body, "key-flight");

        await ProblemAsync(await pos.PostAsync(path, body, "key-flight"), HttpStatusCode.Conflict, "idempotency-key-in-flight");
        await ProblemAsync(await pos.PostAsync(path, new { amount = 800, receiptId = "R-7" }, "key-flight"), HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        (await CardAsync(admin, number)).Long("balance").ShouldBe(10_000);

        // The first request fails (its key is released): the retry runs and charges once.
        await release();
        (await OkAsync(await pos.PostAsync(path, body, "key-flight"))).Long("balance").ShouldBe(9_300);
        (await OkAsync(await pos.PostAsync(path, body, "key-flight"))).Long("balance").ShouldBe(9_300);
        await ShouldBalanceAsync(admin, number);
    }

    [Fact]
    public async Task Should_refuse_a_wrong_PIN_through_the_till_with_pin_invalid_and_attempts_left()
    {
        var (_, admin) = await TenantAsync(Factory, "pospin");
        var (number, _, _) = await ActiveCardAsync(admin, 10_000, pin: true);
        var pos = await PosSigner.RegisterAsync(Factory, admin);

        var wrong = await ProblemAsync(await pos.PostAsync($"/api/pos/cards/{number}/payments", new { amount = 100, receiptId = "R-1", pin = "0000" }, "p-1"), (HttpStatusCode)422, "pin-invalid");
        wrong.GetProperty("attemptsLeft").GetInt32().ShouldBe(2);
        await ProblemAsync(await pos.PostAsync($"/api/pos/cards/{number}/payments", new { amount = 100, receiptId = "R-1" }, "p-2"), (HttpStatusCode)422, "pin-invalid");

        // The refusal is the kept answer of its key; a new key with the right PIN pays.
        await ProblemAsync(await pos.PostAsync($"/api/pos/cards/{number}/payments", new { amount = 100, receiptId = "R-1", pin = "0000" }, "p-1"), (HttpStatusCode)422, "pin-invalid");
        (await OkAsync(await pos.PostAsync($"/api/pos/cards/{number}/payments", new { amount = 100, receiptId = "R-1", pin = "2468" }, "p-3"))).Long("balance").ShouldBe(9_900);
        (await CardAsync(admin, number)).GetProperty("failedPinAttempts").GetInt32().ShouldBe(0);
        await ShouldBalanceAsync(admin, number);
    }

    [Fact]
    public async Task Should_refuse_a_short_balance_through_the_till_with_insufficient_balance()
    {
        var (_, admin) = await TenantAsync(Factory, "posshort");
        var (number, _, _) = await ActiveCardAsync(admin, 1_000);
        var pos = await PosSigner.RegisterAsync(Factory, admin);

        var problem = await ProblemAsync(await pos.PostAsync($"/api/pos/cards/{number}/payments", new { amount = 1_001, receiptId = "R-1" }, "s-1"), HttpStatusCode.Conflict, "insufficient-balance");
        problem.GetProperty("detail").GetString()!.ShouldContain("1000");
        (await OkAsync(await pos.PostAsync($"/api/pos/cards/{number}/payments", new { amount = 1_000, receiptId = "R-1" }, "s-2"))).Long("balance").ShouldBe(0);
        (await LedgerAsync(admin, number)).Count(e => e.Kind() == "Payment").ShouldBe(1);
        await ShouldBalanceAsync(admin, number);
    }

    [Fact]
    public async Task Should_not_charge_again_when_the_till_retries_a_receipt_under_a_new_key()
    {
        var (_, admin) = await TenantAsync(Factory, "posrcpt");
        var (number, _, _) = await ActiveCardAsync(admin, 5_000);
        var pos = await PosSigner.RegisterAsync(Factory, admin);

        var first = await OkAsync(await pos.PostAsync($"/api/pos/cards/{number}/payments", new { amount = 400, receiptId = "TILL-9" }, "k-1"));
        var second = await OkAsync(await pos.PostAsync($"/api/pos/cards/{number}/payments", new { amount = 400, receiptId = "TILL-9" }, "k-2"));
        second.GetProperty("transactionId").GetGuid().ShouldBe(first.GetProperty("transactionId").GetGuid());
        second.Long("balance").ShouldBe(4_600);
        var other = await ProblemAsync(await pos.PostAsync($"/api/pos/cards/{number}/payments", new { amount = 401, receiptId = "TILL-9" }, "k-3"), HttpStatusCode.Conflict, "conflict");
        other.GetProperty("errors").TryGetProperty("receiptId", out _).ShouldBeTrue();
        await ShouldBalanceAsync(admin, number);
    }

    /// <summary>Claims the key of the terminal's request (method, path and body fingerprinted as the filter does) and returns its release.</summary>
    private Task<Func<Task>> HoldAsync(string tenant, PosSigner pos, string path, object body, string key) =>
        Factory.HoldIdempotencyKeyAsync(tenant, "terminal:" + pos.TerminalId.ToString("N"), key,
            Convert.ToHexString(SHA256.HashData([.. Encoding.UTF8.GetBytes($"POST\n{path}\n"), .. JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web)])));
}

public sealed class SqlitePosRefusalTests(CardsHost host) : PosRefusalTests(host.Factory), IClassFixture<CardsHost>;

public sealed class PostgresPosRefusalTests(CardsPostgresHost host) : PosRefusalTests(host.Factory), IClassFixture<CardsPostgresHost>;
