using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>Till operations at a given store over the admin API, counter charges and moving a tenant's business to a known day.</summary>
internal static class SettlementTestKit
{
    public static async Task<Guid> TopUpAtAsync(HttpClient client, string number, long amount, string store) =>
        (await CardTestKit.OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/top-ups", new { amount, receiptId = $"T-{store}-{Guid.NewGuid():N}"[..20], storeCode = store })))
            .GetProperty("transactionId").GetGuid();

    public static async Task<Guid> PayAtAsync(HttpClient client, string number, long amount, string store, string receipt) =>
        (await CardTestKit.OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/payments", new { amount, receiptId = receipt, storeCode = store })))
            .GetProperty("transactionId").GetGuid();

    public static async Task<Guid> ReverseAsync(HttpClient client, Guid payment, string store) =>
        (await CardTestKit.OkAsync(await client.PostAsJsonAsync($"/api/cards/payments/{payment}/reversal", new { receiptId = "V-" + store, storeCode = store })))
            .GetProperty("transactionId").GetGuid();

    public static async Task<Guid> RefundAsync(HttpClient client, Guid payment, long amount, string store) =>
        (await CardTestKit.OkAsync(await client.PostAsJsonAsync($"/api/cards/payments/{payment}/refunds", new { amount, receiptId = "F-" + store, storeCode = store })))
            .GetProperty("transactionId").GetGuid();

    public static async Task CloseAsync(HttpClient client, string number, string store) =>
        await CardTestKit.OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/close", new { receiptId = "C-" + store, storeCode = store }), HttpStatusCode.OK);

    /// <summary>The tenant's head office code, and a store unit under it.</summary>
    public static async Task<(string HqCode, string StoreCode)> StoreUnitAsync(HttpClient client, string code, string name) =>
        ("HQ", await CardTestKit.StoreAsync(client, code, name));

    /// <summary>A fee taken at the counter on a day of the test's choosing (a sale takes its charges now).</summary>
    public static Task<Guid> ChargeAsync(CrmHostFactory factory, string tenant, string number, CardChargeKind kind, long amount, string? store, DateTime? at = null) =>
        factory.InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<CardsDbContext>();
            var card = await db.Set<Card>().AsNoTracking().FirstAsync(c => c.Number == number);
            var charge = new CardCharge
            {
                Id = Guid.NewGuid(),
                CardId = card.Id,
                Kind = kind,
                Amount = amount,
                Currency = card.Currency,
                StoreCode = store,
                ReceiptId = "CH-" + kind,
                UserName = "admin",
                OccurredAt = at ?? DateTime.UtcNow,
            };
            db.Set<CardCharge>().Add(charge);
            await db.SaveChangesAsync();
            return charge.Id;
        });

    /// <summary>Sets when one ledger entry happened (the till cannot be told another time).</summary>
    public static Task<int> BackdateAsync(CrmHostFactory factory, string tenant, Guid entryId, DateTime at) =>
        factory.InTenantAsync(tenant, services =>
            services.GetRequiredService<CardsDbContext>().Set<LedgerEntry>().Where(e => e.Id == entryId).ExecuteUpdateAsync(s => s.SetProperty(e => e.OccurredAt, at)));

    /// <summary>
    /// Moves all of the tenant's ledger entries and charges, in order, to start at <paramref name="start"/>, so that a test
    /// running across midnight in Shanghai still finds its business on one known day.
    /// </summary>
    public static Task<int> MoveToAsync(CrmHostFactory factory, string tenant, DateTime start) =>
        factory.InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<CardsDbContext>();
            var ledger = await db.Set<LedgerEntry>().AsNoTracking().Select(e => new { e.Id, e.OccurredAt }).ToListAsync();
            var charges = await db.Set<CardCharge>().AsNoTracking().Select(x => new { x.Id, x.OccurredAt }).ToListAsync();
            var first = ledger.Select(e => e.OccurredAt).Concat(charges.Select(x => x.OccurredAt)).Min();
            foreach (var e in ledger)
            {
                var at = start + (e.OccurredAt - first);
                await db.Set<LedgerEntry>().Where(x => x.Id == e.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.OccurredAt, at));
            }

            foreach (var c in charges)
            {
                var at = start + (c.OccurredAt - first);
                await db.Set<CardCharge>().Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.OccurredAt, at));
            }

            return ledger.Count + charges.Count;
        });

    public static async Task<JsonElement> SettlementAsync(HttpClient client, string date) =>
        await CardTestKit.OkAsync(await client.GetAsync($"/api/cards/settlement?date={date}"), HttpStatusCode.OK);

    public static JsonElement Row(JsonElement report, string? store) =>
        report.GetProperty("stores").EnumerateArray().Single(r => r.GetProperty("storeCode").ValueKind == JsonValueKind.Null ? store is null : r.GetProperty("storeCode").GetString() == store);

    /// <summary>Every figure of the totals row is the sum of the store rows, and each row's net is taken in − redeemed − paid out.</summary>
    public static void ShouldBalance(JsonElement report)
    {
        var rows = report.GetProperty("stores").EnumerateArray().ToList();
        foreach (var row in rows.Append(report.GetProperty("totals")[0]))
        {
            row.Long("takenIn").ShouldBe(row.Long("valueSold") + row.Long("fees") + row.Long("deposits") + row.Long("exchangeFees") - row.Long("depositsRefunded"));
            row.Long("redeemed").ShouldBe(row.Long("payments") - row.Long("creditsToCards"));
            row.Long("net").ShouldBe(row.Long("takenIn") - row.Long("redeemed") - row.Long("paidOut"));
        }

        var totals = report.GetProperty("totals")[0];
        foreach (var name in new[] { "valueSold", "fees", "deposits", "exchangeFees", "depositsRefunded", "takenIn", "payments", "creditsToCards", "redeemed", "paidOut", "net", "adjustments", "topUpCount", "paymentCount", "creditCount", "closeCount", "chargeCount" })
        {
            totals.Long(name).ShouldBe(rows.Sum(r => r.Long(name)), name);
        }
    }
}
