using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Analysis.Domain.Facts;
using RetailCrm.Modules.Analysis.Infrastructure.Persistence;
using RetailCrm.Modules.Cards.Contracts;

namespace RetailCrm.Modules.Analysis.Tests;

/// <summary>
/// The numbers of the consumption and card business reports open the customers behind them: who bought in these
/// months at a store or paying with a card product, and who holds a product's cards (sold by a store or by HQ).
/// The card facts are written straight into the analysis's own tables, as the cards events would leave them.
/// </summary>
public sealed class DrillDownTests(AnalysisHost host) : IClassFixture<AnalysisHost>
{
    [Fact]
    public async Task Should_open_the_customers_behind_a_consumption_row_and_a_liability_row()
    {
        var (name, client) = await host.TenantAsync();
        await Shop.FirstRecomputeEndedAsync(client);
        var now = DateTime.UtcNow;
        var lastMonth = new DateTime(now.Year, now.Month, 1, 12, 0, 0, DateTimeKind.Utc).AddMonths(-1);
        var monthBefore = lastMonth.AddMonths(-1);
        var a1 = await Shop.CustomerAsync(client, "drill a1", $"1381{Random.Shared.Next(1000000, 9999999)}");
        var a2 = await Shop.CustomerAsync(client, "drill a2", $"1382{Random.Shared.Next(1000000, 9999999)}");
        var b1 = await Shop.CustomerAsync(client, "drill b1", $"1383{Random.Shared.Next(1000000, 9999999)}");
        await Shop.PurchaseAsync(client, a1, "DD-A1", lastMonth, 20_000, store: "SA");
        await Shop.PurchaseAsync(client, a2, "DD-A2", lastMonth.AddDays(3), 30_000, store: "SA");
        await Shop.PurchaseAsync(client, b1, "DD-B1", lastMonth.AddDays(5), 40_000, store: "SB");
        await Shop.PurchaseAsync(client, a1, "DD-A1-OLD", monthBefore, 10_000, store: "SB");
        await host.PurchasesArrivedAsync(name, 4);
        await host.Factory.InTenantAsync(name, async services =>
        {
            var db = services.GetRequiredService<AnalysisDbContext>();
            var a2Card = Card(a2, "GIFT", soldBy: null, balance: 50_000, closed: false);
            db.AddRange(a2Card, Card(b1, "GIFT", soldBy: "SB", balance: 10_000, closed: false), Card(a1, "GIFT", soldBy: "SB", balance: 0, closed: true),
                new CardEntryFact { Id = Guid.NewGuid(), CardId = a2Card.Id, Kind = LedgerEntryKind.Payment, Amount = -30_000, StoreCode = "SA", ReceiptId = "DD-A2", OccurredAt = lastMonth.AddDays(3) });
            return await db.SaveChangesAsync();
        });
        await Shop.RecomputeAsync(client);
        var month = lastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        (await IdsAsync(client, $"boughtFrom={month}&boughtTo={month}&store=SA")).ShouldBe([a1, a2], ignoreOrder: true);
        (await IdsAsync(client, "store=SB")).ShouldBe([a1, b1], ignoreOrder: true);
        (await IdsAsync(client, $"boughtFrom={month}&store=SB")).ShouldBe([b1]);
        (await IdsAsync(client, "paidWith=GIFT")).ShouldBe([a2]);
        (await IdsAsync(client, "holds=GIFT")).ShouldBe([a2, b1], ignoreOrder: true);
        (await IdsAsync(client, "holds=GIFT&soldBy=SB")).ShouldBe([b1]);
        (await IdsAsync(client, "holds=GIFT&soldBy=none")).ShouldBe([a2]);

        await RefusedAsync(client, "soldBy=SB", "soldBy");
        await RefusedAsync(client, $"boughtFrom={month}&boughtTo={monthBefore:yyyy-MM}", "boughtTo");

        var consumption = await client.GetStringAsync($"/analysis/consumption?dimension=Store&from={monthBefore:yyyy-MM}&to={month}");
        consumption.ShouldContain($"/analysis/customers?boughtFrom={monthBefore:yyyy-MM}&amp;boughtTo={month}&amp;store=SA");
        var business = await client.GetStringAsync("/analysis/business");
        business.ShouldContain("/analysis/customers?holds=GIFT&amp;soldBy=SB");
        business.ShouldContain("/analysis/customers?holds=GIFT&amp;soldBy=none");
        var list = await client.GetStringAsync("/analysis/customers?holds=GIFT&soldBy=SB");
        list.ShouldContain("holding GIFT cards sold by SB");
        list.ShouldContain("drill b1");
        list.ShouldNotContain("drill a2");
    }

    private static CardFact Card(Guid customerId, string product, string? soldBy, long balance, bool closed) => new()
    {
        Id = Guid.NewGuid(), MaskedNumber = "6200******" + Random.Shared.Next(1000, 9999), ProductCode = product, CustomerId = customerId, StoreCode = soldBy,
        SoldAt = DateTime.UtcNow.AddDays(-60), SoldValue = 50_000, Balance = balance, IsClosed = closed, LastActivityAt = DateTime.UtcNow.AddDays(-10),
    };

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string query) =>
        [.. (await Shop.CustomersAsync(client, query)).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("customerId").GetGuid())];

    private static async Task RefusedAsync(HttpClient client, string query, string field)
    {
        var response = await client.GetAsync("/api/analysis/customers?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }
}
