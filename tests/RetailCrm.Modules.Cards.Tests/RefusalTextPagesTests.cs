using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>Refusals with amounts at the till desk: in the page's language with yuan amounts, while the API's detail stays English in fen.</summary>
public sealed partial class RefusalTextPagesTests(CardsHost host) : IClassFixture<CardsHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    [Fact]
    public async Task Should_show_a_too_small_top_up_and_a_short_balance_in_chinese_with_yuan()
    {
        var (_, client) = await TenantAsync(_factory, "zhrefuse");
        var (_, path) = await CardAtDeskAsync(client);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var topUp = await client.SubmitRefusedAsync(path, path + "/top-up", ("Amount", "10.00"));
        var pay = await client.SubmitRefusedAsync(path, path + "/pay", ("Amount", "100.01"));

        Alerts(topUp).ShouldContain("每次充值至少 50.00\u00A0CNY。");
        Alerts(pay).ShouldContain("卡余额不足: 余额为 100.00\u00A0CNY；本次支付需要 100.01\u00A0CNY。");
    }

    [Fact]
    public async Task Should_show_a_too_small_top_up_and_a_short_balance_in_english_with_yuan()
    {
        var (_, client) = await TenantAsync(_factory, "enrefuse");
        var (_, path) = await CardAtDeskAsync(client);

        var topUp = await client.SubmitRefusedAsync(path, path + "/top-up", ("Amount", "10.00"));
        var pay = await client.SubmitRefusedAsync(path, path + "/pay", ("Amount", "100.01"));

        Alerts(topUp).ShouldContain("A top-up is at least 50.00\u00A0CNY.");
        Alerts(pay).ShouldContain("The card's balance is too low: The balance is 100.00\u00A0CNY; the payment needs 100.01\u00A0CNY.");
    }

    [Fact]
    public async Task Should_keep_the_api_details_in_english_and_fen()
    {
        var (_, client) = await TenantAsync(_factory, "apirefuse");
        var (number, _) = await CardAtDeskAsync(client);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var shortBalance = await ProblemAsync(await PayAsync(client, number, 10_001), HttpStatusCode.Conflict, "insufficient-balance");
        var topUp = await client.PostAsJsonAsync($"/api/cards/cards/{number}/top-ups", new { amount = 1_000, receiptId = "T-1", storeCode = "S001" });

        shortBalance.GetProperty("detail").GetString().ShouldBe("The balance is 10000; the payment needs 10001.");
        var problem = await ProblemAsync(topUp, HttpStatusCode.BadRequest, "invalid");
        problem.GetProperty("detail").GetString().ShouldBe("A top-up is at least 5000.");
    }

    /// <summary>An active card of a product whose top-ups are at least 50.00 CNY, holding 100.00 CNY; its number and desk page.</summary>
    private static async Task<(string Number, string Path)> CardAtDeskAsync(HttpClient client)
    {
        var product = await CreateProductAsync(client, Product("SV", minTopUp: 5_000));
        var member = await MemberAsync(client, "王芳");
        var number = (await StockAsync(client, product))[0];
        var activated = await client.PostAsJsonAsync($"/api/cards/cards/{number}/activation", new { memberCode = member, initialTopUp = 10_000, storeCode = "S001" });
        activated.StatusCode.ShouldBe(HttpStatusCode.OK, await activated.Content.ReadAsStringAsync());
        var response = await client.SubmitAsync("/cards/desk", "/cards/desk", ("Number", number));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        var query = location.IndexOf('?', StringComparison.Ordinal);
        return (number, query < 0 ? location : location[..query]);
    }

    private static List<string> Alerts(string page) => [.. AlertPattern().Matches(page).Select(m => m.Groups[1].Value.Trim())];

    [GeneratedRegex("role=\"alert\"[^>]*>([^<]*)<")]
    private static partial Regex AlertPattern();
}
