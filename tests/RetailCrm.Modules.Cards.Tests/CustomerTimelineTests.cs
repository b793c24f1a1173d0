using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>The cards' entries of the customer 360° timeline and what the summary counts as spent, on SQLite and on PostgreSQL.</summary>
public abstract class CustomerTimelineTests(CrmHostFactory factory)
{
    [Fact]
    public async Task Should_put_the_card_sale_top_up_payments_and_reversal_on_the_timeline_with_amounts_and_links()
    {
        var (_, client) = await TenantAsync(factory, "tl-cards");
        var (member, number, cardId) = await HolderAsync(client);
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/top-ups", new { amount = 5_000, receiptId = "T-1" }));
        await OkAsync(await PayAsync(client, number, 8_850, receipt: "P-1"));
        var second = await OkAsync(await PayAsync(client, number, 1_000, receipt: "P-2"));
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/payments/{second.GetProperty("transactionId").GetGuid()}/reversal", new { receiptId = "P-2-R" }));

        var timeline = await OkAsync(await client.GetAsync($"/api/members/customers/{member}/timeline?module=cards"), HttpStatusCode.OK);
        var entries = timeline.GetProperty("entries").EnumerateArray().ToList();

        entries.ShouldAllBe(e => e.GetProperty("module").GetString() == "cards");
        entries.ShouldAllBe(e => e.GetProperty("url").GetString() == $"/cards/cards/{cardId}");
        entries.Select(e => e.GetProperty("kind").GetString()).ShouldBe(
        [
            // A reversal takes back the points its payment earned; the sale's first top-up is its own entry.
            "cards.points-redeem", "cards.reversal", "cards.points-earn", "cards.payment", "cards.points-earn", "cards.payment", "cards.top-up", "cards.top-up", "cards.issue",
        ]);
        var payment = entries.Single(e => e.GetProperty("kind").GetString() == "cards.payment" && e.GetProperty("detail").ValueKind == JsonValueKind.String && e.GetProperty("detail").GetString()!.Contains("P-1", StringComparison.Ordinal));
        payment.GetProperty("amount").GetProperty("minor").GetInt64().ShouldBe(8_850);
        payment.GetProperty("title").GetString().ShouldBe($"Paid with card {new string('*', number.Length - 4)}{number[^4..]}");
        timeline.GetRawText().ShouldNotContain(number);
        var times = entries.Select(e => e.GetProperty("when").GetDateTime()).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());

        var all = await OkAsync(await client.GetAsync($"/api/members/customers/{member}/timeline"), HttpStatusCode.OK);
        all.GetProperty("modules").EnumerateArray().Select(m => m.GetString()).ShouldBe(["cards", "members"]);
        all.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldContain("members.created");
    }

    [Fact]
    public async Task Should_show_a_freeze_on_the_timeline()
    {
        var (_, client) = await TenantAsync(factory, "tl-freeze");
        var (member, number, _) = await HolderAsync(client);
        (await client.PostAsync($"/api/cards/cards/{number}/freeze", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var timeline = await OkAsync(await client.GetAsync($"/api/members/customers/{member}/timeline?module=cards"), HttpStatusCode.OK);

        var first = timeline.GetProperty("entries")[0];
        first.GetProperty("kind").GetString().ShouldBe("cards.status");
        first.GetProperty("icon").GetString().ShouldBe("snowflake");
    }

    [Fact]
    public async Task Should_count_what_the_customer_paid_by_card_net_of_reversals_as_spent()
    {
        var (_, client) = await TenantAsync(factory, "tl-spent");
        var (member, number, _) = await HolderAsync(client);
        await OkAsync(await PayAsync(client, number, 8_850, receipt: "S-1"));
        var reversed = await OkAsync(await PayAsync(client, number, 2_000, receipt: "S-2"));
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/payments/{reversed.GetProperty("transactionId").GetGuid()}/reversal", new { receiptId = "S-2-R" }));

        (await SpentAsync(client, member)).ShouldBe("88.50\u00A0CNY");

        // The till also records the card-paid receipt as a purchase: the same money, counted once; cash adds to it.
        var code = (await client.GetFromJsonAsync<JsonElement>($"/api/members/customers/{member}")).GetProperty("code").GetString();
        await OkAsync(await client.PostAsJsonAsync("/api/members/purchases", new { customerCode = code, receiptId = "S-1", storeCode = "S002", purchasedAt = DateTime.UtcNow.AddMinutes(-1), amount = 8_850, currency = "CNY", tender = "card" }));
        await OkAsync(await client.PostAsJsonAsync("/api/members/purchases", new { customerCode = code, receiptId = "C-1", storeCode = "S002", purchasedAt = DateTime.UtcNow.AddMinutes(-1), amount = 1_000, currency = "CNY", tender = "cash" }));

        (await SpentAsync(client, member)).ShouldBe("98.50\u00A0CNY");
    }

    /// <summary>A member holding one active card with 200.00 on it: the member's id, the card's number and id.</summary>
    private static async Task<(Guid Member, string Number, Guid CardId)> HolderAsync(HttpClient client)
    {
        var created = await OkAsync(await client.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = "张伟" }, keepDespiteDuplicates = true }));
        var product = await CreateProductAsync(client, Product("TL"));
        var number = (await StockAsync(client, product))[0];
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{number}/activation", new { memberCode = created.GetProperty("code").GetString(), initialTopUp = 20_000, storeCode = "S001" }), HttpStatusCode.OK);
        return (created.GetProperty("id").GetGuid(), number, (await CardAsync(client, number)).GetProperty("id").GetGuid());
    }

    private static async Task<string> SpentAsync(HttpClient client, Guid member)
    {
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/members/customers/{member}"));
        var spent = System.Text.RegularExpressions.Regex.Match(page, "<span id=\"spent\">(.*?)</span>").Groups[1].Value;
        page.ShouldContain("data-tile=\"cards.balance\"");
        return spent;
    }
}

public sealed class SqliteCustomerTimelineTests(CardsHost host) : CustomerTimelineTests(host.Factory), IClassFixture<CardsHost>;

public sealed class PostgresCustomerTimelineTests(CardsPostgresHost host) : CustomerTimelineTests(host.Factory), IClassFixture<CardsPostgresHost>;
