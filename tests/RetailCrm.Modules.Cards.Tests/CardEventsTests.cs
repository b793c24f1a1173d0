using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;
using static RetailCrm.Modules.Cards.Tests.SellingTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>
/// The cards integration events, written to the cards outbox with the change they tell of and sent on by the kernel's
/// dispatcher (no module handles them yet, so the test reads the outbox table itself, on SQLite and PostgreSQL).
/// </summary>
public abstract class CardEventsTests(CrmHostFactory factory)
{
    protected CrmHostFactory Factory { get; } = factory;

    [Fact]
    public async Task Should_publish_a_store_sale_top_up_payment_refund_reversal_and_close_with_the_money_in_minor_units()
    {
        var (tenant, client) = await TenantAsync(Factory, "events");
        var (number, member, product) = await ActiveCardAsync(client, 10_000);
        var cardId = (await CardAsync(client, number)).GetProperty("id").GetGuid();
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/top-ups", new { amount = 5_000, receiptId = "T-1", storeCode = "S003" }));
        var paid = await OkAsync(await PayAsync(client, number, 3_000, receipt: "P-1"));
        var refunded = await OkAsync(await client.PostAsJsonAsync($"/api/cards/payments/{paid.GetProperty("transactionId").GetGuid()}/refunds", new { amount = 1_000, storeCode = "S002" }));
        var second = await OkAsync(await PayAsync(client, number, 2_000, receipt: "P-2"));
        await OkAsync(await client.PostAsync($"/api/cards/payments/{second.GetProperty("transactionId").GetGuid()}/reversal", null));
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/close", new { receiptId = "C-1", storeCode = "S001" }), HttpStatusCode.OK);

        var sold = (await EventsAsync(tenant, "cards.card-sold")).ShouldHaveSingleItem();
        sold.GetProperty("card").GetProperty("cardId").GetGuid().ShouldBe(cardId);
        sold.GetProperty("card").GetProperty("maskedNumber").GetString().ShouldBe(Card.Mask(number));
        sold.GetProperty("productId").GetGuid().ShouldBe(product.GetProperty("id").GetGuid());
        sold.GetProperty("card").GetProperty("customerCode").GetString().ShouldBe(member);
        sold.GetProperty("card").GetProperty("customerId").GetGuid().ShouldNotBe(Guid.Empty);
        sold.GetProperty("storeCode").GetString().ShouldBe("S001");
        (sold.Long("value"), sold.Long("fee"), sold.Long("deposit")).ShouldBe((10_000L, 1_000L, 2_000L));
        sold.GetProperty("currency").GetString().ShouldBe("CNY");
        sold.GetProperty("bulkSaleId").ValueKind.ShouldBe(JsonValueKind.Null);

        var toppedUp = (await EventsAsync(tenant, "cards.card-topped-up")).ShouldHaveSingleItem();
        (toppedUp.Long("amount"), toppedUp.Long("balanceAfter")).ShouldBe((5_000L, 15_000L));
        (toppedUp.GetProperty("storeCode").GetString(), toppedUp.GetProperty("receiptId").GetString()).ShouldBe(("S003", "T-1"));

        var payments = await EventsAsync(tenant, "cards.card-paid");
        payments.Length.ShouldBe(2);
        var payment = payments.Single(p => p.GetProperty("receiptId").GetString() == "P-1");
        payment.GetProperty("paymentId").GetGuid().ShouldBe(paid.GetProperty("transactionId").GetGuid());
        (payment.Long("amount"), payment.Long("pointsEarned"), payment.Long("balanceAfter")).ShouldBe((3_000L, 30L, 12_000L));
        (payment.GetProperty("storeCode").GetString(), payment.GetProperty("soldByStoreCode").GetString()).ShouldBe(("S002", "S001"));
        payment.GetProperty("card").GetProperty("customerCode").GetString().ShouldBe(member);

        var credits = await EventsAsync(tenant, "cards.payment-refunded");
        var refund = credits.Single(c => !c.GetProperty("reversal").GetBoolean());
        refund.GetProperty("entryId").GetGuid().ShouldBe(refunded.GetProperty("transactionId").GetGuid());
        refund.GetProperty("paymentId").GetGuid().ShouldBe(paid.GetProperty("transactionId").GetGuid());
        (refund.Long("amount"), refund.Long("pointsTakenBack"), refund.Long("balanceAfter")).ShouldBe((1_000L, 10L, 13_000L));
        var reversal = credits.Single(c => c.GetProperty("reversal").GetBoolean());
        (reversal.Long("amount"), reversal.Long("pointsTakenBack")).ShouldBe((2_000L, 20L));

        var closed = (await EventsAsync(tenant, "cards.card-closed")).ShouldHaveSingleItem();
        closed.GetProperty("card").GetProperty("cardId").GetGuid().ShouldBe(cardId);
        (closed.Long("balanceRefunded"), closed.Long("depositRefunded"), closed.Long("pointsWrittenOff")).ShouldBe((13_000L, 2_000L, 20L));
        closed.GetProperty("storeCode").GetString().ShouldBe("S001");

        var all = await EventsAsync(tenant, null);
        all.ShouldNotContain(e => e.ToString().Contains(number, StringComparison.Ordinal), "card numbers travel masked");
        await OutboxDispatchedAsync(tenant);
    }

    [Fact]
    public async Task Should_publish_a_sale_per_card_of_a_bulk_sale_and_an_exchange()
    {
        var (tenant, client) = await TenantAsync(Factory, "bulkevents");
        var product = await CreateProductAsync(client, ProductWithExchangeFee("GIFT", "6200", exchangeFee: 800));
        var company = await CompanyAsync(client, "Acme Trading");
        await StockAsync(client, product, 4);
        var sale = await OkAsync(await BulkSaleAsync(client, new { productId = product.GetProperty("id").GetGuid(), quantity = 2, customerCode = company, invoiceNumber = "INV-E-1", valuePerCard = 20_000 }, "bulk-e-1"));
        var numbers = sale.GetProperty("cardNumbers").EnumerateArray().Select(n => n.GetString()!).ToArray();

        var sold = await EventsAsync(tenant, "cards.card-sold");
        sold.Select(e => e.GetProperty("card").GetProperty("maskedNumber").GetString()).ShouldBe(numbers.Select(Card.Mask), ignoreOrder: true);
        sold.ShouldAllBe(e => e.GetProperty("bulkSaleId").GetGuid() == sale.GetProperty("id").GetGuid() && e.GetProperty("value").GetInt64() == 20_000
            && e.GetProperty("card").GetProperty("customerCode").GetString() == company && e.GetProperty("storeCode").GetString() == "HQ" && e.GetProperty("receiptId").GetString() == "INV-E-1");

        var exchange = await OkAsync(await ExchangeAsync(client, numbers[0], new { locationCode = "HQ", receiptId = "X-1" }));
        var exchanged = (await EventsAsync(tenant, "cards.card-exchanged")).ShouldHaveSingleItem();
        exchanged.GetProperty("exchangeId").GetGuid().ShouldBe(exchange.GetProperty("id").GetGuid());
        exchanged.GetProperty("oldCard").GetProperty("maskedNumber").GetString().ShouldBe(Card.Mask(numbers[0]));
        exchanged.GetProperty("newCard").GetProperty("maskedNumber").GetString().ShouldBe(Card.Mask(exchange.GetProperty("newNumber").GetString()!));
        (exchanged.Long("balance"), exchanged.Long("fee")).ShouldBe((20_000L, 800L));
        exchanged.GetProperty("newCard").GetProperty("customerCode").GetString().ShouldBe(company);
        exchanged.GetProperty("locationCode").GetString().ShouldBe("HQ");
        await OutboxDispatchedAsync(tenant);
    }

    [Fact]
    public async Task Should_publish_nothing_for_a_refused_payment_or_top_up()
    {
        var (tenant, client) = await TenantAsync(Factory, "noevents");
        var (number, _, _) = await ActiveCardAsync(client, 1_000);

        await ProblemAsync(await PayAsync(client, number, 1_001), HttpStatusCode.Conflict, "insufficient-balance");
        await ProblemAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/top-ups", new { amount = 10_000_000 }), HttpStatusCode.BadRequest, "invalid");

        (await EventsAsync(tenant, "cards.card-paid")).ShouldBeEmpty();
        (await EventsAsync(tenant, "cards.card-topped-up")).ShouldBeEmpty();
        (await EventsAsync(tenant, "cards.card-sold")).Length.ShouldBe(1);
    }

    /// <summary>The payloads of the tenant's cards outbox for an event name (all when null), read with plain SQL from the module's table.</summary>
    private Task<JsonElement[]> EventsAsync(string tenant, string? eventName) =>
        Factory.InTenantAsync(tenant, async services =>
        {
            var rows = await OutboxRowsAsync(services.GetRequiredService<CardsDbContext>());
            var tenantId = services.GetRequiredService<RetailCrm.Sdk.MultiTenancy.ICurrentTenant>().Id!.Value;
            return rows.Where(r => r.TenantId == tenantId && (eventName is null || r.EventName == eventName))
                .Select(r => JsonDocument.Parse(r.Payload).RootElement.Clone()).ToArray();
        });

    /// <summary>The kernel's dispatcher takes every event of the tenant's cards outbox (none stays unprocessed).</summary>
    private Task OutboxDispatchedAsync(string tenant) =>
        CrmHostFactory.EventuallyAsync(() => Factory.InTenantAsync(tenant, async services =>
        {
            var tenantId = services.GetRequiredService<RetailCrm.Sdk.MultiTenancy.ICurrentTenant>().Id!.Value;
            return (await OutboxRowsAsync(services.GetRequiredService<CardsDbContext>())).Where(r => r.TenantId == tenantId).All(r => r.ProcessedAt is not null);
        }), "the cards events to be dispatched");

    private static async Task<List<OutboxRow>> OutboxRowsAsync(CardsDbContext db)
    {
        var table = db.Database.ProviderName!.Contains("Npgsql", StringComparison.OrdinalIgnoreCase) ? "cards.outbox" : "cards_outbox";
#pragma warning disable EF1002 // The table name is one of two constants, not input.
        return await db.Database.SqlQueryRaw<OutboxRow>($"SELECT \"TenantId\", \"EventName\", \"Payload\", \"ProcessedAt\" FROM {table}").ToListAsync();
#pragma warning restore EF1002
    }

    private sealed record OutboxRow(Guid? TenantId, string EventName, string Payload, DateTime? ProcessedAt);
}

public sealed class SqliteCardEventsTests(CardsHost host) : CardEventsTests(host.Factory), IClassFixture<CardsHost>;

public sealed class PostgresCardEventsTests(CardsPostgresHost host) : CardEventsTests(host.Factory), IClassFixture<CardsPostgresHost>;
