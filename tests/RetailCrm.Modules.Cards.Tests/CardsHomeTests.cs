using System.Net;
using System.Net.Http.Json;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>
/// The cards module's widgets on the home page: each role sees its own (the clerk today's payments and the card
/// look-up, the manager the liability and the money chart), figures as the ledger has them, and none when cards are off.
/// </summary>
public sealed class CardsHomeTests(CardsHost host) : IClassFixture<CardsHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    [Fact]
    public async Task Should_show_each_role_its_card_widgets_with_the_ledger_figures()
    {
        var (_, admin) = await TenantAsync(_factory, "home");
        var (number, _, _) = await ActiveCardAsync(admin, initialTopUp: 10_000);
        await OkAsync(await PayAsync(admin, number, 2_550, receipt: "HOME-1"));
        await UserAsync(admin, "clerk1", "store-clerk");
        await UserAsync(admin, "sales1", "sales-person");

        var manager = await HomePage.OpenAsync(admin);
        manager.Widget("cards.payments-today").ShouldMatch(@"25\.50\s+CNY");
        manager.Widget("cards.payments-today").ShouldContain("1 payments today");
        manager.Widget("cards.liability").ShouldMatch(@"74\.50\s+CNY");
        manager.Widget("cards.liability").ShouldContain("on 1 cards");
        var chart = manager.Chart("cards.flow");
        chart.GetProperty("kind").GetString().ShouldBe("Bar");
        chart.GetProperty("categories").GetArrayLength().ShouldBe(14);
        var series = chart.GetProperty("series").EnumerateArray().ToList();
        series.Select(s => s.GetProperty("name").GetString()).ShouldBe(["Top-ups", "Payments"]);
        series[0].GetProperty("values")[13].GetDecimal().ShouldBe(100m, "today's top-up is the card's first 100.00");
        series[1].GetProperty("values")[13].GetDecimal().ShouldBe(25.50m);
        series[1].GetProperty("values")[0].GetDecimal().ShouldBe(0m);
        manager.Html.ShouldContain("src=\"/theme/echarts.min.js\"");

        var clerk = await HomePage.OpenAsync(await _factory.SignedInClientAsync(admin.BaseAddress!.Host, "clerk1", Password));
        clerk.Widget("cards.payments-today").ShouldMatch(@"25\.50\s+CNY");
        clerk.Widget("cards.lookup").ShouldContain("action=\"/cards/cards\"");
        clerk.Has("cards.liability").ShouldBeFalse("a clerk does not read the settlement");
        clerk.Has("cards.flow").ShouldBeFalse();
        clerk.Html.ShouldNotContain("/theme/echarts.min.js", Case.Sensitive, "no chart, no chart library");

        var sales = await HomePage.OpenAsync(await _factory.SignedInClientAsync(admin.BaseAddress!.Host, "sales1", Password));
        sales.HasAny("cards.").ShouldBeFalse();
    }

    [Fact]
    public async Task Should_drop_the_card_widgets_when_the_tenant_switches_cards_off()
    {
        var (_, admin) = await TenantAsync(_factory, "homeoff");
        (await HomePage.OpenAsync(admin)).Has("cards.liability").ShouldBeTrue();

        (await admin.PutAsJsonAsync("/api/admin/modules/cards", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await HomePage.OpenAsync(admin)).HasAny("cards.").ShouldBeFalse();
    }

    [Fact]
    public async Task Should_show_the_figures_in_chinese_for_a_chinese_user()
    {
        var (_, admin) = await TenantAsync(_factory, "homezh");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var home = await HomePage.OpenAsync(admin);

        home.Widget("cards.liability").ShouldContain("储值卡负债");
        home.Widget("cards.flow").ShouldContain("近 14 天卡资金");
        home.Chart("cards.flow").GetProperty("series")[0].GetProperty("name").GetString().ShouldBe("充值");
    }

    [Fact]
    public async Task Should_serve_the_chart_library_from_the_theme_without_a_sign_in()
    {
        using var anonymous = _factory.CreateClient();

        foreach (var file in new[] { "echarts.min.js", "charts.js" })
        {
            var response = await anonymous.GetAsync($"/theme/{file}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, file);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript", file);
        }

        (await anonymous.GetStringAsync("/theme/echarts.min.js")).ShouldContain("echarts");
        (await anonymous.GetAsync("/theme/nothing.js")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private const string Password = "Home-Passw0rd!";

    private static async Task UserAsync(HttpClient admin, string userName, string role) =>
        (await admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = userName, password = Password, roles = new[] { role } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
}
