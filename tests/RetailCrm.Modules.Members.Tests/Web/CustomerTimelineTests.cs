using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RetailCrm.Modules.Members.Tests.Purchases.PurchaseTestKit;

namespace RetailCrm.Modules.Members.Tests.Web;

/// <summary>Members' entries of the customer 360° timeline, over the API and on the page, on SQLite and on PostgreSQL.</summary>
public abstract class CustomerTimelineTests(CrmHostFactory factory)
{
    [Fact]
    public async Task Should_show_the_record_its_change_and_its_purchases_newest_first()
    {
        var (_, client) = await TenantAsync(factory, "timeline");
        var customer = await CustomerAsync(client, "Timeline Zhou");
        var id = customer.GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync("/api/members/purchases", Receipt(customer, "TL-1", 4_200, DateTime.UtcNow.AddDays(-2)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/members/purchases", Receipt(customer, "TL-2", 1_000, DateTime.UtcNow.AddDays(-1)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var edit = await client.PutAsJsonAsync($"/api/members/customers/{id}",
            new { customer = new { kind = "Person", displayName = "Timeline Zhou", tier = "gold" }, version = (await GetCustomerAsync(client, customer)).GetProperty("version").GetInt64() });
        edit.StatusCode.ShouldBe(HttpStatusCode.OK, await edit.Content.ReadAsStringAsync());

        var entries = (await TimelineAsync(client, id)).GetProperty("entries").EnumerateArray().ToList();

        var kinds = entries.Select(e => e.GetProperty("kind").GetString()).ToList();
        kinds.ShouldContain("members.created");
        kinds.ShouldContain("members.changed");
        kinds.Where(k => k == "members.purchase").Count().ShouldBe(2);
        var times = entries.Select(e => e.GetProperty("when").GetDateTime()).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());
        var older = entries.Single(e => e.GetProperty("title").GetString() == "Purchase TL-1");
        older.GetProperty("amount").GetProperty("minor").GetInt64().ShouldBe(4_200);
        older.GetProperty("module").GetString().ShouldBe("members");
        entries[^1].GetProperty("title").GetString().ShouldBe("Purchase TL-1");
    }

    [Fact]
    public async Task Should_page_the_timeline_back_with_before()
    {
        var (_, client) = await TenantAsync(factory, "timeline-pages");
        var customer = await CustomerAsync(client, "Pager Qian");
        var id = customer.GetProperty("id").GetGuid();
        for (var day = 1; day <= 3; day++)
        {
            (await client.PostAsJsonAsync("/api/members/purchases", Receipt(customer, $"PG-{day}", 100 * day, DateTime.UtcNow.AddDays(-day)))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var whole = Titles(await TimelineAsync(client, id));
        var paged = new List<string?>();
        var query = "max=2";
        for (var pages = 1; ; pages++)
        {
            var page = await TimelineAsync(client, id, query);
            Titles(page).Count.ShouldBeLessThanOrEqualTo(2);
            paged.AddRange(Titles(page));
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                page.GetProperty("nextBefore").ValueKind.ShouldBe(JsonValueKind.Null);
                break;
            }

            pages.ShouldBeLessThan(10);
            query = $"max=2&before={Uri.EscapeDataString(page.GetProperty("nextBefore").GetDateTime().ToString("O"))}";
        }

        paged.ShouldBe(whole);
        whole.TakeLast(3).ShouldBe(["Purchase PG-1", "Purchase PG-2", "Purchase PG-3"]);
    }

    [Fact]
    public async Task Should_refuse_the_timeline_of_an_unknown_customer()
    {
        var (_, client) = await TenantAsync(factory, "timeline-404");

        var response = await client.GetAsync($"/api/members/customers/{Guid.NewGuid()}/timeline");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Should_draw_the_timeline_on_the_360_page_grouped_by_day()
    {
        var (_, client) = await TenantAsync(factory, "timeline-page");
        var customer = await CustomerAsync(client, "Page Sun");
        var id = customer.GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync("/api/members/purchases", Receipt(customer, "PS-1", 12_345, DateTime.UtcNow.AddDays(-3)))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/members/customers/{id}"));

        page.ShouldContain("id=\"profile-head\"");
        page.ShouldContain("data-tile=\"members.spent\"");
        page.ShouldContain("id=\"timeline\"");
        page.ShouldContain("data-kind=\"members.purchase\"");
        page.ShouldContain("data-kind=\"members.created\"");
        page.ShouldContain("Purchase PS-1");
        page.ShouldContain("123.45\u00A0CNY");
        System.Text.RegularExpressions.Regex.Count(page, "class=\"timeline-day\"").ShouldBe(2);
    }

    private static List<string?> Titles(JsonElement page) => page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("title").GetString()).ToList();

    private static async Task<JsonElement> TimelineAsync(HttpClient client, Guid id, string query = "")
    {
        var response = await client.GetAsync($"/api/members/customers/{id}/timeline?{query}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

public sealed class SqliteCustomerTimelineTests(MembersHost host) : CustomerTimelineTests(host.Factory), IClassFixture<MembersHost>;

public sealed class PostgresCustomerTimelineTests(MembersPostgresHost host) : CustomerTimelineTests(host.Factory), IClassFixture<MembersPostgresHost>;
