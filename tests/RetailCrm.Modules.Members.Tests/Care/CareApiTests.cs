using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RetailCrm.Modules.Members.Tests.Purchases.PurchaseTestKit;

namespace RetailCrm.Modules.Members.Tests.Care;

/// <summary>Runs on SQLite and on PostgreSQL.</summary>
public abstract class CareApiTests(CrmHostFactory factory)
{
    private readonly CrmHostFactory _factory = factory;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    private static async Task<JsonElement[]> ItemsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/members/care" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToArray();
    }

    private static string[] Names(JsonElement[] items) => items.Select(i => i.GetProperty("displayName").GetString()!).ToArray();

    [Fact]
    public async Task Should_list_a_birthday_in_5_days_with_the_age_and_leave_out_one_in_60_days()
    {
        var (_, client) = await TenantAsync(_factory, "care");
        await CustomerAsync(client, "Soon Birthday", Today.AddDays(5).AddYears(-30));
        await CustomerAsync(client, "Later Birthday", Today.AddDays(60).AddYears(-40));
        await CustomerAsync(client, "Wed Anniversary", anniversaries: [new { label = "Wedding", date = Today.AddDays(10).AddYears(-12) }]);

        var items = await ItemsAsync(client, "?days=30");

        Names(items).ShouldBe(["Soon Birthday", "Wed Anniversary"]);
        items[0].GetProperty("occasion").GetString().ShouldBe("Birthday");
        items[0].GetProperty("daysUntil").GetInt32().ShouldBe(5);
        items[0].GetProperty("years").GetInt32().ShouldBe(30);
        items[1].GetProperty("label").GetString().ShouldBe("Wedding");
        items[1].GetProperty("years").GetInt32().ShouldBe(12);
        Names(await ItemsAsync(client, "?days=90")).ShouldContain("Later Birthday");
    }

    [Fact]
    public async Task Should_use_the_care_days_setting_when_no_days_are_asked()
    {
        var (_, client) = await TenantAsync(_factory, "care-days");
        await CustomerAsync(client, "In Twenty Days", Today.AddDays(20).AddYears(-25));

        Names(await ItemsAsync(client, "")).ShouldContain("In Twenty Days");
        await SetSettingAsync(client, "members.care.days", "7");
        Names(await ItemsAsync(client, "")).ShouldBeEmpty();
        (await client.GetAsync("/api/members/care?days=999")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_wrap_around_the_year_end_to_next_years_date()
    {
        var (_, client) = await TenantAsync(_factory, "care-wrap");
        // Yesterday's birthday comes round again in (about) a year, after the year end.
        var yesterday = Today.AddDays(-1).AddYears(-50);
        await CustomerAsync(client, "Just Passed", yesterday);

        var item = (await ItemsAsync(client, "?days=366")).ShouldHaveSingleItem();

        var next = DateOnly.Parse(item.GetProperty("next").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        next.ShouldBeGreaterThan(Today);
        next.Month.ShouldBe(yesterday.Month);
        item.GetProperty("daysUntil").GetInt32().ShouldBeInRange(364, 365);
        item.GetProperty("years").GetInt32().ShouldBe(next.Year - yesterday.Year);
        (await ItemsAsync(client, "?days=300")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_filter_by_store()
    {
        var (_, client) = await TenantAsync(_factory, "care-store");
        Guid north = Guid.NewGuid(), south = Guid.NewGuid();
        await CustomerAsync(client, "North Member", Today.AddDays(3).AddYears(-20), north);
        await CustomerAsync(client, "South Member", Today.AddDays(4).AddYears(-20), south);

        Names(await ItemsAsync(client, $"?days=10&unitId={north}")).ShouldBe(["North Member"]);
        Names(await ItemsAsync(client, "?days=10")).ShouldBe(["North Member", "South Member"]);
    }

    [Fact]
    public async Task Should_keep_other_tenants_customers_off_the_list()
    {
        var (_, a) = await TenantAsync(_factory, "care-a");
        var (_, b) = await TenantAsync(_factory, "care-b");
        await CustomerAsync(a, "Only In A", Today.AddDays(2).AddYears(-33));

        Names(await ItemsAsync(b, "?days=10")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_show_the_care_page_in_the_theme_layout_with_its_menu_item()
    {
        var (_, client) = await TenantAsync(_factory, "care-page");
        await CustomerAsync(client, "Page Member", Today.AddDays(1).AddYears(-44));

        var page = await client.GetAsync("/members/care");

        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        foreach (var part in new[] { "id=\"care-list\"", "Page Member", "data-menu-key=\"members.care\"", "class=\"topbar\"" })
        {
            html.ShouldContain(part, Case.Sensitive, html);
        }

        var zh = new HttpRequestMessage(HttpMethod.Get, "/members/care");
        zh.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = WebUtility.HtmlDecode(await (await client.SendAsync(zh)).Content.ReadAsStringAsync());
        chinese.ShouldContain("<h1>客户关怀</h1>", Case.Sensitive, chinese);
        chinese.ShouldContain("岁", Case.Sensitive, chinese);
    }
}

public sealed class SqliteCareApiTests(MembersHost host) : CareApiTests(host.Factory), IClassFixture<MembersHost>;

public sealed class PostgresCareApiTests(MembersPostgresHost host) : CareApiTests(host.Factory), IClassFixture<MembersPostgresHost>;
