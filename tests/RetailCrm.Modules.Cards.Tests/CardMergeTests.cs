using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Members.Contracts.Events;
using RetailCrm.Sdk.Events;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>
/// Cards follow merges of customers (members.customers-merged): the cards of the merged-away customers move to the
/// survivor, each with an entry in its history that the card page shows, once however often the event comes.
/// </summary>
public abstract partial class CardMergeTests(CrmHostFactory factory)
{
    protected CrmHostFactory Factory { get; } = factory;

    [Fact]
    public async Task Should_move_the_cards_of_merged_customers_to_the_survivor_once_with_an_entry_in_each_cards_history()
    {
        var (tenant, client) = await TenantAsync(Factory, "cardmerge");
        var product = await CreateProductAsync(client, Product("SV"));
        var survivor = await CustomerAsync(client, "张伟");
        var merged = await CustomerAsync(client, "张伟");
        var numbers = await StockAsync(client, product, 3);
        await SellAsync(client, numbers[0], merged);
        await SellAsync(client, numbers[1], merged);
        await SellAsync(client, numbers[2], survivor);
        var versionsBefore = await Task.WhenAll(numbers.Select(async n => (await CardAsync(client, n)).GetProperty("version").GetInt64()));

        var merge = await OkAsync(await client.PostAsJsonAsync("/api/members/merges", new
        {
            survivorId = Id(survivor),
            mergedIds = new[] { Id(merged) },
            versions = new Dictionary<Guid, long> { [Id(survivor)] = Version(survivor), [Id(merged)] = Version(merged) },
        }), HttpStatusCode.OK);
        var mergeId = merge.GetProperty("mergeId").GetGuid();

        await CrmHostFactory.EventuallyAsync(async () =>
            (await Task.WhenAll(numbers[..2].Select(n => CardAsync(client, n)))).All(c => c.GetProperty("holderCustomerId").GetGuid() == Id(survivor)),
            "the merged customer's cards to move to the survivor");
        foreach (var number in numbers[..2])
        {
            var card = await CardAsync(client, number);
            card.GetProperty("holderCode").GetString().ShouldBe(Code(survivor));
            card.GetProperty("balance").GetInt64().ShouldBe(10_000);
            var history = HistoryRows(await CardPageAsync(client, card));
            var entry = history.ShouldHaveSingleItem();
            entry.ShouldContain(Code(merged));
            entry.ShouldContain(Code(survivor));
            entry.ShouldContain("merge");
        }

        var untouched = await CardAsync(client, numbers[2]);
        untouched.GetProperty("version").GetInt64().ShouldBe(versionsBefore[2]);
        HistoryRows(await CardPageAsync(client, untouched)).ShouldBeEmpty();

        // The same event again (a redelivery) changes nothing and writes no second entry.
        var moved = await Task.WhenAll(numbers[..2].Select(async n => (await CardAsync(client, n)).GetProperty("version").GetInt64()));
        await Factory.InTenantAsync(tenant, async services =>
        {
            var handler = services.GetServices<IIntegrationEventHandler<CustomersMergedIntegrationEvent>>()
                .Single(h => h.GetType().Assembly == typeof(CardsModule).Assembly);
            await handler.HandleAsync(new CustomersMergedIntegrationEvent(Id(survivor), Code(survivor), [Id(merged)], mergeId), CancellationToken.None);
            return true;
        });
        for (var i = 0; i < 2; i++)
        {
            var card = await CardAsync(client, numbers[i]);
            card.GetProperty("version").GetInt64().ShouldBe(moved[i]);
            HistoryRows(await CardPageAsync(client, card)).Count.ShouldBe(1);
        }

        await ShouldBalanceAsync(client, numbers[0]);
    }

    private static async Task<JsonElement> CustomerAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = name }, keepDespiteDuplicates = true });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task SellAsync(HttpClient client, string number, JsonElement customer) =>
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/activation", new { memberCode = Code(customer), initialTopUp = 10_000, storeCode = "S001" }), HttpStatusCode.OK);

    private static async Task<string> CardPageAsync(HttpClient client, JsonElement card) =>
        WebUtility.HtmlDecode(await client.GetStringAsync($"/cards/cards/{card.GetProperty("id").GetGuid()}"));

    /// <summary>The rows of the holder history on the card page.</summary>
    private static List<string> HistoryRows(string page) => [.. HistoryRow().Matches(page).Select(m => m.Value)];

    private static Guid Id(JsonElement customer) => customer.GetProperty("id").GetGuid();

    private static string Code(JsonElement customer) => customer.GetProperty("code").GetString()!;

    private static long Version(JsonElement customer) => customer.GetProperty("version").GetInt64();

    [GeneratedRegex("<tr data-holder-change=\"[^\"]*\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex HistoryRow();
}

public sealed class SqliteCardMergeTests(CardsHost host) : CardMergeTests(host.Factory), IClassFixture<CardsHost>;

public sealed class PostgresCardMergeTests(CardsPostgresHost host) : CardMergeTests(host.Factory), IClassFixture<CardsPostgresHost>;
