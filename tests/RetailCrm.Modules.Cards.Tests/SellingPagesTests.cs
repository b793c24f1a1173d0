using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using RetailCrm.Modules.Cards.Domain;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;
using static RetailCrm.Modules.Cards.Tests.SellingTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>The selling pages over HTTP on the real host: exchange, points redemption and partial refund at the desk, HQ bulk sales and the daily settlement.</summary>
public sealed partial class SellingPagesTests(CardsHost host) : IClassFixture<CardsHost>
{
    /// <summary>10:00 in Shanghai on the day the settlement tests look at.</summary>
    private static readonly DateTime s_settlementMorning = new(2026, 3, 10, 2, 0, 0, DateTimeKind.Utc);

    private readonly CrmHostFactory _factory = host.Factory;

    [Fact]
    public async Task Should_exchange_a_card_at_the_desk_once_moving_balance_and_points_and_voiding_the_old_card()
    {
        var (_, client) = await TenantAsync(_factory, "dexch");
        var product = await CreateProductAsync(client, ProductWithExchangeFee("SV", "8866", exchangeFee: 800));
        var member = await MemberAsync(client, "王芳");
        var stock = await StockAsync(client, product, 3);
        var old = stock[0];
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{old}/activation", new { memberCode = member, initialTopUp = 30_000, storeCode = "HQ" }), HttpStatusCode.OK);
        await OkAsync(await PayAsync(client, old, 5_000));
        var path = await DeskOfAsync(client, old);
        var page = await client.GetStringAsync(path);
        var form = HtmlForms.Form(page, path + "/exchange");
        form.ShouldContain("8.00&#xA0;CNY"); // the page is not decoded here: the non-breaking space as the encoder writes it
        form.ShouldContain($"<option value=\"{stock[1]}\"");

        var first = await client.SubmitHtmlAsync(page, path + "/exchange", ("NewNumber", ""), ("Reason", "damaged"));
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect, await first.Content.ReadAsStringAsync());
        var newDesk = WebUtility.HtmlDecode(await client.GetStringAsync(first.Headers.Location));
        var second = await client.SubmitHtmlAsync(page, path + "/exchange", ("NewNumber", ""), ("Reason", "damaged"));

        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        (await client.GetStringAsync(second.Headers.Location)).ShouldContain("This form was sent before; it was carried out once.");
        newDesk.ShouldContain("Card exchanged: its balance and points moved to this new card.");
        newDesk.ShouldContain(stock[1]);
        Balance(newDesk).ShouldBe("250.00\u00A0CNY");
        newDesk.ShouldContain("data-charge=\"ExchangeFee\"");
        var fresh = await ShouldBalanceAsync(client, stock[1]);
        (fresh.Long("balance"), fresh.Long("points")).ShouldBe((25_000L, 50L));
        fresh.GetProperty("holderCode").GetString().ShouldBe(member);
        var voided = await ShouldBalanceAsync(client, old);
        voided.GetProperty("status").GetString().ShouldBe("Void");
        (voided.Long("balance"), voided.Long("points")).ShouldBe((0L, 0L));
        (await client.GetFromJsonAsync<JsonElement>($"/api/cards/exchanges?number={old}")).GetArrayLength().ShouldBe(1, "the form sent twice exchanged once");
        (await CardAsync(client, stock[2])).GetProperty("status").GetString().ShouldBe("InStock");
        (await client.GetStringAsync(path)).ShouldNotContain("id=\"exchange-form\"");
    }

    [Fact]
    public async Task Should_show_the_field_error_when_redeeming_more_points_than_the_card_has_and_redeem_within_them()
    {
        var (_, client) = await TenantAsync(_factory, "dredeem");
        var (number, _, _) = await ActiveCardAsync(client, 10_000);
        await OkAsync(await PayAsync(client, number, 5_000));
        var path = await DeskOfAsync(client, number);

        var refused = await client.SubmitRefusedAsync(path, path + "/redeem", ("Points", "500"), ("Reason", "gift"));
        refused.ShouldContain("The card has 50 points; 500 cannot be redeemed.");
        refused.ShouldContain("value=\"500\"");
        var redeemed = await client.SubmitAndFollowAsync(path, path + "/redeem", ("Points", "20"), ("Reason", "gift"));
        redeemed.ShouldContain("Points redeemed.");
        (await ShouldBalanceAsync(client, number)).Long("points").ShouldBe(30);
        var missing = await client.SubmitRefusedAsync(path, path + "/redeem", ("Points", "1"), ("Reason", ""));
        missing.ShouldContain("Give the reason.");
    }

    [Fact]
    public async Task Should_refund_part_of_a_payment_at_the_desk_and_refuse_more_than_was_paid()
    {
        var (_, client) = await TenantAsync(_factory, "drefund");
        var (number, _, _) = await ActiveCardAsync(client, 10_000);
        await OkAsync(await PayAsync(client, number, 5_000));
        var path = await DeskOfAsync(client, number);
        var action = Regex.Match(await client.GetStringAsync(path), "action=\"(/cards/desk/[^\"]+/refund)\"").Groups[1].Value;

        var refunded = await client.SubmitAndFollowAsync(path, action, ("Amount", "20.00"));
        refunded.ShouldContain("Refunded onto the card.");
        Balance(refunded).ShouldBe("70.00\u00A0CNY");
        refunded.ShouldContain("refunded so far 20.00\u00A0CNY");
        var tooMuch = await client.SubmitRefusedAsync(path, action, ("Amount", "30.01"));
        tooMuch.ShouldContain("Refunds of this payment would exceed it");
        var rest = await client.SubmitAndFollowAsync(path, action, ("Amount", "30.00"));
        Balance(rest).ShouldBe("100.00\u00A0CNY");
        rest.ShouldContain("reversed or refunded");
        (await ShouldBalanceAsync(client, number)).Long("balance").ShouldBe(10_000);
    }

    [Fact]
    public async Task Should_sell_cards_in_bulk_through_the_form_and_refuse_an_invoice_used_before()
    {
        var (_, client) = await TenantAsync(_factory, "pbulk");
        var product = await CreateProductAsync(client, Product("GIFT", prefix: "6200", kind: "Gift"));
        var company = await CompanyAsync(client, "Acme Trading");
        var stock = await StockAsync(client, product, 5);
        var productId = product.GetProperty("id").GetString()!;

        var sale = await client.SubmitAndFollowAsync("/cards/bulk-sales/new", "/cards/bulk-sales/new",
            ("ProductId", productId), ("CustomerCode", company), ("Quantity", "2"), ("InvoiceNumber", "INV-P-001"), ("ValuePerCard", "200.00"), ("Pin", ""), ("Note", "gifts"));

        sale.ShouldContain("Bulk sale recorded.");
        sale.ShouldContain("INV-P-001");
        sale.ShouldContain("400.00\u00A0CNY");
        sale.ShouldContain(Card.Mask(stock[0]));
        sale.ShouldContain(Card.Mask(stock[1]));
        sale.ShouldNotContain(stock[0]);
        (await CardAsync(client, stock[0])).Long("balance").ShouldBe(20_000);
        (await client.GetStringAsync("/cards/bulk-sales")).ShouldContain("data-bulk-sale=\"INV-P-001\"");

        var duplicate = await client.SubmitRefusedAsync("/cards/bulk-sales/new", "/cards/bulk-sales/new",
            ("ProductId", productId), ("CustomerCode", company), ("Quantity", "1"), ("InvoiceNumber", "INV-P-001"));
        duplicate.ShouldContain("Invoice INV-P-001 was used by another bulk sale.");
        duplicate.ShouldContain("class=\"field-error\"");
        (await client.GetFromJsonAsync<JsonElement>("/api/cards/cards?status=InStock")).GetProperty("total").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Should_show_the_day_per_store_drill_down_and_export_it()
    {
        var (tenant, client) = await TenantAsync(_factory, "psettle");
        await StoreAsync(client, "SA");
        await StoreAsync(client, "SB");
        var product = await CreateProductAsync(client, Product("SV"));
        var member = await MemberAsync(client, "王芳");
        var number = (await StockAsync(client, product))[0];
        var deskA = await DeskOfAsync(client, number, "SA");
        await client.SubmitAndFollowAsync(deskA + "?store=SA", deskA + "/sell", ("MemberCode", member), ("InitialTopUp", "100"));
        await client.SubmitAndFollowAsync(deskA + "?store=SB", deskA + "/pay", ("Amount", "30.00"));
        await SettlementTestKit.MoveToAsync(_factory, tenant, s_settlementMorning);

        var day = WebUtility.HtmlDecode(await client.GetStringAsync("/cards/settlement?date=2026-03-10"));

        var a = Row(day, "SA");
        a.ShouldContain("100.00\u00A0CNY");
        a.ShouldContain("store owes HQ");
        var b = Row(day, "SB");
        b.ShouldContain("30.00\u00A0CNY");
        b.ShouldContain("HQ owes store");
        day.ShouldContain("Positive: the store owes HQ the amount. Negative: HQ owes the store the amount.");
        var totals = Regex.Match(day, "<tr data-total=\"CNY\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        totals.ShouldContain("100.00\u00A0CNY");
        totals.ShouldContain("30.00\u00A0CNY");

        var drill = WebUtility.HtmlDecode(await client.GetStringAsync(Regex.Match(a, "href=\"([^\"]+/transactions[^\"]*)\"").Groups[1].Value));
        drill.ShouldContain("data-kind=\"TopUp\"");
        drill.ShouldContain(Card.Mask(number));
        drill.ShouldNotContain(number);
        var drillB = WebUtility.HtmlDecode(await client.GetStringAsync("/cards/settlement/SB/transactions?date=2026-03-10"));
        drillB.ShouldContain("data-kind=\"Payment\"");

        var export = await client.GetAsync(Regex.Match(day, "href=\"([^\"]+format=csv)\"").Groups[1].Value);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csv = await export.Content.ReadAsStringAsync();
        csv.ShouldContain("SA");
        csv.ShouldContain("SB");

        var bad = await client.GetAsync("/cards/settlement?date=2026-13-45");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()).ShouldContain("is not a date; give the day as YYYY-MM-DD.");
        var today = await client.GetStringAsync("/cards/settlement");
        today.ShouldContain("id=\"settlement-date\">" + DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Should_show_the_settlement_page_and_the_menu_in_chinese()
    {
        var (_, client) = await TenantAsync(_factory, "psettlezh");
        await StoreAsync(client, "SA");
        var (number, _, _) = await ActiveCardAsync(client, 10_000);
        await SettlementTestKit.PayAtAsync(client, number, 2_000, "SA", "ZH-1");

        var request = new HttpRequestMessage(HttpMethod.Get, "/cards/settlement");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        page.ShouldContain("<h1>门店日结", Case.Sensitive, page);
        page.ShouldContain("与总部轧差");
        page.ShouldContain("总部应付门店");
        page.ShouldContain("导出 CSV");
        page.ShouldContain("<span>总部售卡</span></a>");
    }

    /// <summary>Looks the card up at the desk (for a store, when given) and returns the desk path of the card, without the query.</summary>
    private static async Task<string> DeskOfAsync(HttpClient client, string number, string? store = null)
    {
        var fields = store is null ? new[] { ("Number", number) } : [("Number", number), ("StoreCode", store)];
        var response = await client.SubmitAsync("/cards/desk", "/cards/desk", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        var query = location.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? location : location[..query];
    }

    private static string Row(string page, string store) =>
        Regex.Match(page, $"<tr data-store=\"{store}\">(.*?)</tr>", RegexOptions.Singleline) is { Success: true } row
            ? row.Groups[1].Value
            : throw new ShouldAssertException($"No settlement row of {store}.");

    private static string Balance(string page) => BalancePattern().Match(page).Groups[1].Value;

    [GeneratedRegex("id=\"card-balance\" class=\"money\">([^<]+)<")]
    private static partial Regex BalancePattern();
}
