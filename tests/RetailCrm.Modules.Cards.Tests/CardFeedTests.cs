using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>The card and ledger feed another module rebuilds its facts from, paged by id, on SQLite and on PostgreSQL.</summary>
public abstract class CardFeedTests(CrmHostFactory factory)
{
    protected CrmHostFactory Factory { get; } = factory;

    [Fact]
    public async Task Should_page_through_every_sold_card_once_and_leave_the_stock_out()
    {
        var (tenant, client) = await TenantAsync(Factory, "feed");
        var (_, otherClient) = await TenantAsync(Factory, "feed-other");
        await ActiveCardAsync(otherClient, 1_000);
        var product = await CreateProductAsync(client, Product("GOLD"));
        var numbers = await StockAsync(client, product, 8);
        var sold = numbers[..5];
        for (var i = 0; i < sold.Length; i++)
        {
            await ActivateAsync(client, sold[i], await MemberAsync(client, $"会员 {i}"), 1_000 * (i + 1));
        }

        await OkAsync(await client.PostAsync($"/api/cards/cards/{sold[1]}/freeze", null), HttpStatusCode.OK);
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{sold[2]}/close", new { receiptId = "C-1" }), HttpStatusCode.OK);
        // A card spoiled in stock is void too, but was never sold.
        await DbAsync(tenant, db => db.Set<Card>().Where(c => c.Number == numbers[5]).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CardStatus.Void)));

        var pages = await ReadAllAsync(tenant, (feed, after) => feed.ReadCardsAsync(after, 2), r => r.CardId);

        pages.ShouldAllBe(p => p.Count <= 2);
        var read = pages.SelectMany(p => p).ToList();
        var stored = await DbAsync(tenant, db => db.Set<Card>().AsNoTracking().Where(c => sold.Contains(c.Number)).ToListAsync());
        read.Select(r => r.CardId).ShouldBe(stored.Select(c => c.Id), ignoreOrder: true);
        read.Select(r => r.CardId).Distinct().Count().ShouldBe(5);
        var whole = await InTenantAsync(tenant, feed => feed.ReadCardsAsync(null, 100));
        read.Select(r => r.CardId).ShouldBe(whole.Select(r => r.CardId), "the pages follow the database's order of ids");

        var productId = product.GetProperty("id").GetGuid();
        foreach (var card in stored)
        {
            read.Single(r => r.CardId == card.Id).ShouldBe(new CardRecord(card.Id, "************" + card.Number[^4..], productId, "GOLD", "Product GOLD", card.Status,
                card.HolderCustomerId, "S001", card.ActivatedAt, card.Balance, card.Points, "CNY"));
        }

        stored.ShouldAllBe(c => c.HolderCustomerId != null && c.ActivatedAt != null);
        read.Single(r => r.MaskedNumber.EndsWith(sold[0][^4..], StringComparison.Ordinal)).Balance.ShouldBe(1_000);
        read.Select(r => r.Status).ShouldBe([CardStatus.Active, CardStatus.Frozen, CardStatus.Closed, CardStatus.Active, CardStatus.Active], ignoreOrder: true);
    }

    [Fact]
    public async Task Should_page_through_every_ledger_entry_once()
    {
        var (tenant, client) = await TenantAsync(Factory, "feed-ledger");
        var (_, otherClient) = await TenantAsync(Factory, "feed-ledger-other");
        await ActiveCardAsync(otherClient, 1_000);
        var (number, _, _) = await ActiveCardAsync(client, 10_000);
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/top-ups", new { amount = 5_000, receiptId = "T-1", storeCode = "S003" }));
        var paid = await OkAsync(await PayAsync(client, number, 3_250, receipt: "P-1"));
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/payments/{paid.GetProperty("transactionId").GetGuid()}/refunds", new { amount = 250 }));

        var pages = await ReadAllAsync(tenant, (feed, after) => feed.ReadEntriesAsync(after, 2), r => r.EntryId);

        pages.ShouldAllBe(p => p.Count <= 2);
        var read = pages.SelectMany(p => p).ToList();
        var stored = await DbAsync(tenant, db => db.Set<LedgerEntry>().AsNoTracking().ToListAsync());
        stored.Count.ShouldBeGreaterThanOrEqualTo(5);
        read.Select(r => r.EntryId).ShouldBe(stored.Select(e => e.Id), ignoreOrder: true);
        read.Select(r => r.EntryId).Distinct().Count().ShouldBe(stored.Count);
        foreach (var entry in stored)
        {
            read.Single(r => r.EntryId == entry.Id).ShouldBe(new CardEntryRecord(entry.Id, entry.CardId, entry.Kind, entry.Amount, entry.BalanceAfter, entry.StoreCode, entry.ReceiptId, entry.OccurredAt));
        }

        var payment = read.Single(r => r.Kind == LedgerEntryKind.Payment);
        (payment.EntryId, payment.Amount, payment.BalanceAfter, payment.ReceiptId, payment.StoreCode).ShouldBe((paid.GetProperty("transactionId").GetGuid(), -3_250L, 11_750L, "P-1", "S002"));
        read.Single(r => r.Kind == LedgerEntryKind.TopUp && r.ReceiptId == "T-1").ShouldSatisfyAllConditions(r => r.Amount.ShouldBe(5_000), r => r.StoreCode.ShouldBe("S003"));
    }

    private static async Task ActivateAsync(HttpClient client, string number, string memberCode, long initialTopUp) =>
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/activation", new { memberCode, initialTopUp, storeCode = "S001" }), HttpStatusCode.OK);

    private Task<List<IReadOnlyList<T>>> ReadAllAsync<T>(string tenant, Func<ICardFeed, Guid?, Task<IReadOnlyList<T>>> read, Func<T, Guid> id) =>
        Factory.ReadAllAsync(tenant, read, id);

    private Task<T> InTenantAsync<T>(string tenant, Func<ICardFeed, Task<T>> work) =>
        Factory.InTenantAsync(tenant, services => work(services.GetRequiredService<ICardFeed>()));

    private Task<T> DbAsync<T>(string tenant, Func<CardsDbContext, Task<T>> work) =>
        Factory.InTenantAsync(tenant, services => work(services.GetRequiredService<CardsDbContext>()));
}

public sealed class SqliteCardFeedTests(CardsHost host) : CardFeedTests(host.Factory), IClassFixture<CardsHost>;

public sealed class PostgresCardFeedTests(CardsPostgresHost host) : CardFeedTests(host.Factory), IClassFixture<CardsPostgresHost>;
