using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>The cards pages over HTTP on the real host: the product form, the till desk (yuan in, fen kept, each form once), the menu, the 360° section and the demo data.</summary>
public sealed partial class CardPagesTests(CardsHost host) : IClassFixture<CardsHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    [Fact]
    public async Task Should_show_the_field_at_fault_on_the_product_form_and_save_a_good_one()
    {
        var (_, client) = await TenantAsync(_factory, "pform");

        var refused = await client.SubmitRefusedAsync("/cards/products/new", "/cards/products/new",
            ("Code", "GOLD"), ("Name", "Gold card"), ("NumberPrefix", "88A"), ("MaxTopUp", "12.345"), ("MaxBalance", "1000"));

        refused.ShouldContain("1 to 12 digits.");
        refused.ShouldContain("An amount has at most two decimals.");
        refused.ShouldContain("value=\"Gold card\"");
        (await client.GetFromJsonAsync<JsonElement>("/api/cards/products")).GetArrayLength().ShouldBe(0);

        var limits = await client.SubmitRefusedAsync("/cards/products/new", "/cards/products/new",
            ("Code", "GOLD"), ("Name", "Gold card"), ("Kind", "StoredValue"), ("Currency", "CNY"), ("NumberLength", "16"), ("NumberPrefix", "8866"), ("MinTopUp", "900.00"), ("MaxTopUp", "100"), ("MaxBalance", "1000"));
        limits.ShouldContain("The minimum top-up is above the maximum top-up.", customMessage: limits[limits.IndexOf("<main", StringComparison.Ordinal)..]);

        var list = await client.SubmitAndFollowAsync("/cards/products/new", "/cards/products/new",
            ("Code", "gold"), ("Name", "Gold card"), ("Kind", "StoredValue"), ("Currency", "CNY"), ("NumberLength", "16"), ("NumberPrefix", "8866"), ("Fee", "10.50"), ("MaxTopUp", "5000"), ("MaxBalance", "10000.00"), ("PinRequired", "true"), ("IsActive", "true"));
        list.ShouldContain("data-product=\"GOLD\"");
        list.ShouldContain("10.50\u00A0CNY");
        var product = (await client.GetFromJsonAsync<JsonElement>("/api/cards/products"))[0];
        product.GetProperty("fee").GetInt64().ShouldBe(1_050);
        product.GetProperty("maxBalance").GetInt64().ShouldBe(1_000_000);
        product.GetProperty("pinRequired").GetBoolean().ShouldBeTrue();

        var id = product.GetProperty("id").GetGuid();
        await client.SubmitAndFollowAsync($"/cards/products/{id}/edit", $"/cards/products/{id}/edit",
            ("Code", "GOLD"), ("Name", "Gold card 2"), ("Kind", "StoredValue"), ("Currency", "CNY"), ("NumberLength", "16"), ("NumberPrefix", "8866"), ("PinRequired", "true"), ("IsActive", "true"), ("Fee", "10.50"), ("MaxTopUp", "5000"), ("MaxBalance", "10000.00"));
        (await client.GetFromJsonAsync<JsonElement>("/api/cards/products"))[0].GetProperty("name").GetString().ShouldBe("Gold card 2");
    }

    [Fact]
    public async Task Should_sell_top_up_and_pay_at_the_till_desk_in_yuan()
    {
        var (_, client) = await TenantAsync(_factory, "desk");
        var product = await CreateProductAsync(client, Product("SV", pin: true));
        var member = await MemberAsync(client, "王芳");
        var number = (await StockAsync(client, product))[0];

        var desk = await LookUpAsync(client, number);
        desk.ShouldContain(number);
        desk.ShouldContain("id=\"sell-form\"");

        var sold = await client.SubmitAndFollowAsync(DeskPath(desk), DeskPath(desk) + "/sell", ("MemberCode", member), ("InitialTopUp", "100"), ("Pin", "2468"));
        sold.ShouldContain("Card sold.");
        Balance(sold).ShouldBe("100.00\u00A0CNY");

        var toppedUp = await client.SubmitAndFollowAsync(DeskPath(desk), DeskPath(desk) + "/top-up", ("Amount", "12.34"));
        Balance(toppedUp).ShouldBe("112.34\u00A0CNY");

        var wrongPin = await client.SubmitRefusedAsync(DeskPath(desk), DeskPath(desk) + "/pay", ("Amount", "50.50"), ("Pin", "1111"));
        wrongPin.ShouldContain("The PIN is not valid: 2 attempt(s) left before the card locks.");
        var paid = await client.SubmitAndFollowAsync(DeskPath(desk), DeskPath(desk) + "/pay", ("Amount", "50.50"), ("Pin", "2468"));
        paid.ShouldContain("Payment taken.");
        Balance(paid).ShouldBe("61.84\u00A0CNY");

        var card = await ShouldBalanceAsync(client, number);
        card.GetProperty("balance").GetInt64().ShouldBe(6_184);
        paid.ShouldContain("data-kind=\"Payment\"");

        var reversed = await client.SubmitAndFollowAsync(DeskPath(desk), Regex.Match(paid, "action=\"(/cards/desk/[^\"]+/reverse)\"").Groups[1].Value);
        Balance(reversed).ShouldBe("112.34\u00A0CNY");
        reversed.ShouldContain("reversed or refunded");
    }

    [Fact]
    public async Task Should_refuse_a_wrong_PIN_at_the_desk_with_422_like_the_api_and_say_the_attempts_left_in_chinese()
    {
        var (_, client) = await TenantAsync(_factory, "deskpin");
        var (number, _, _) = await ActiveCardAsync(client, 10_000, pin: true);
        var path = DeskPath(await LookUpAsync(client, number));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var refused = await client.SubmitAsync(path, path + "/pay", ("Amount", "10.00"), ("Pin", "1111"));

        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        page.ShouldContain("密码错误: 还可尝试 2 次，之后卡将锁定。");
        page.ShouldContain("value=\"10.00\"");
        var api = await ProblemAsync(await PayAsync(client, number, 1_000, pin: "0000"), HttpStatusCode.UnprocessableEntity, "pin-invalid");
        api.GetProperty("attemptsLeft").GetInt32().ShouldBe(1);
        (await ShouldBalanceAsync(client, number)).GetProperty("balance").GetInt64().ShouldBe(10_000);
    }

    [Fact]
    public async Task Should_charge_once_when_a_payment_form_is_sent_twice()
    {
        var (_, client) = await TenantAsync(_factory, "twice");
        var (number, _, _) = await ActiveCardAsync(client, 10_000);
        var desk = await LookUpAsync(client, number);
        var path = DeskPath(desk);
        var page = await client.GetStringAsync(path);

        var first = await client.SubmitHtmlAsync(page, path + "/pay", ("Amount", "25.00"));
        var second = await client.SubmitHtmlAsync(page, path + "/pay", ("Amount", "25.00"));
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        (await client.GetStringAsync(second.Headers.Location)).ShouldContain("This form was sent before; it was carried out once.");
        var changed = await client.SubmitHtmlAsync(page, path + "/pay", ("Amount", "30.00"));
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync(changed.Headers.Location)).ShouldContain("This form was sent before with other values; nothing was done.");
        (await ShouldBalanceAsync(client, number)).GetProperty("balance").GetInt64().ShouldBe(7_500);
        var ledger = await client.GetFromJsonAsync<JsonElement>($"/api/cards/cards/{number}/ledger");
        ledger.EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "Payment").ShouldBe(1);

        // A fresh rendering is a new form: it pays again.
        await client.SubmitAndFollowAsync(path, path + "/pay", ("Amount", "25.00"));
        (await CardAsync(client, number)).GetProperty("balance").GetInt64().ShouldBe(5_000);
    }

    [Fact]
    public async Task Should_freeze_unfreeze_report_lost_and_close_a_card_at_the_till_desk()
    {
        var (_, client) = await TenantAsync(_factory, "status");
        var (number, _, _) = await ActiveCardAsync(client, 10_000);
        var path = DeskPath(await LookUpAsync(client, number));

        Status(await client.SubmitAndFollowAsync(path, path + "/freeze")).ShouldBe("Frozen");
        var frozen = await client.GetStringAsync(path);
        frozen.ShouldNotContain("id=\"pay-form\"");
        Status(await client.SubmitAndFollowAsync(path, path + "/unfreeze")).ShouldBe("Active");
        Status(await client.SubmitAndFollowAsync(path, path + "/loss")).ShouldBe("Lost");
        var closed = await client.SubmitAndFollowAsync(path, path + "/close");
        Status(closed).ShouldBe("Closed");
        Balance(closed).ShouldBe("0.00\u00A0CNY");
        closed.ShouldContain("Card closed; its balance is paid out.");
        closed.ShouldNotContain("id=\"card-status-actions\"");
        (await ShouldBalanceAsync(client, number)).GetProperty("status").GetString().ShouldBe("Closed");
    }

    [Fact]
    public async Task Should_refuse_an_amount_with_more_than_two_decimals_and_charge_nothing()
    {
        var (_, client) = await TenantAsync(_factory, "decimals");
        var (number, _, _) = await ActiveCardAsync(client, 10_000);
        var path = DeskPath(await LookUpAsync(client, number));

        var refused = await client.SubmitRefusedAsync(path, path + "/pay", ("Amount", "1.234"));
        var garbage = await client.SubmitRefusedAsync(path, path + "/top-up", ("Amount", "12,5x"));
        var tooMuch = await client.SubmitRefusedAsync(path, path + "/pay", ("Amount", "100.01"));

        refused.ShouldContain("An amount has at most two decimals.");
        refused.ShouldContain("value=\"1.234\"");
        garbage.ShouldContain("Type an amount like 12.34.");
        tooMuch.ShouldContain("The card's balance is too low");
        (await ShouldBalanceAsync(client, number)).GetProperty("balance").GetInt64().ShouldBe(10_000);
        (await client.GetFromJsonAsync<JsonElement>($"/api/cards/cards/{number}/ledger")).EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "Payment").ShouldBe(0);
    }

    [Fact]
    public async Task Should_show_the_till_desk_in_chinese()
    {
        var (_, client) = await TenantAsync(_factory, "zh");
        var (number, _, _) = await ActiveCardAsync(client, 10_000);
        var path = DeskPath(await LookUpAsync(client, number));

        var desk = await ChineseAsync(client, path);
        var products = await ChineseAsync(client, "/cards/products/new");

        desk.ShouldContain("<h1>门店收银", Case.Sensitive, desk);
        desk.ShouldContain("已激活");
        desk.ShouldContain("卡支付");
        desk.ShouldContain("<span>门店收银</span></a>");
        desk.ShouldContain("卡账");
        products.ShouldContain("新建卡产品");
        products.ShouldContain("储值卡");
        products.ShouldContain("工本费");
    }

    private static async Task<string> ChineseAsync(HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_register_a_terminal_showing_its_secret_once_revoke_it_and_run_the_ledger_check()
    {
        var (_, client) = await TenantAsync(_factory, "tpage");
        var (number, _, product) = await ActiveCardAsync(client, 10_000);

        var registered = await client.SubmitAndFollowAsync("/cards/terminals", "/cards/terminals", ("StoreCode", "S001"), ("Name", "Till A"));
        var secret = Regex.Match(registered, "id=\"terminal-secret\">([^<]+)<").Groups[1].Value;
        secret.Length.ShouldBeGreaterThan(20);
        var again = await client.GetStringAsync("/cards/terminals");
        again.ShouldNotContain(secret);
        again.ShouldContain("Till A");

        var revoked = await client.SubmitAndFollowAsync("/cards/terminals", Regex.Match(again, "action=\"(/cards/terminals/[^\"]+/revoke)\"").Groups[1].Value);
        revoked.ShouldContain("Terminal revoked.");
        (await client.GetFromJsonAsync<JsonElement>("/api/cards/terminals"))[0].GetProperty("revokedAt").ValueKind.ShouldNotBe(JsonValueKind.Null);

        var stocked = await client.SubmitAndFollowAsync("/cards/stock/numbering", "/cards/stock/numbering", ("ProductId", product.GetProperty("id").GetString()!), ("Quantity", "3"));
        stocked.ShouldContain("3 card(s) put into stock");
        var inStock = await client.GetStringAsync("/cards/cards?status=InStock");
        Regex.Count(inStock, "<tr data-card=").ShouldBe(3);
        inStock.ShouldNotContain(number);

        var check = WebUtility.HtmlDecode(await (await client.SubmitAsync("/cards/ledger-check", "/cards/ledger-check")).Content.ReadAsStringAsync());
        check.ShouldContain("All 4 card(s) agree with their ledger.");
    }

    [Fact]
    public async Task Should_page_the_card_list_keeping_its_filter()
    {
        var (_, client) = await TenantAsync(_factory, "cpager");
        var (_, _, product) = await ActiveCardAsync(client, 1_000);
        (await client.SubmitAndFollowAsync("/cards/stock/numbering", "/cards/stock/numbering", ("ProductId", product.GetProperty("id").GetString()!), ("Quantity", "53")))
            .ShouldContain("53 card(s) put into stock");

        var first = await client.GetStringAsync("/cards/cards?status=InStock");
        var second = await client.GetStringAsync("/cards/cards?status=InStock&page=2");
        var none = WebUtility.HtmlDecode(await client.GetStringAsync("/cards/cards?term=000000000"));

        Regex.Count(first, "<tr data-card=").ShouldBe(50);
        Regex.Count(second, "<tr data-card=").ShouldBe(3);
        first.ShouldContain("data-pager=\"1/2\"");
        first.ShouldContain("href=\"?status=InStock&amp;page=2\" rel=\"next\"");
        second.ShouldContain("data-pager=\"2/2\"");
        none.ShouldContain("No cards found.");
        none.ShouldContain("class=\"empty-state\"");
    }

    [Fact]
    public async Task Should_hide_the_cards_menu_and_pages_from_a_user_without_cards_permissions()
    {
        var (_, admin) = await TenantAsync(_factory, "menu");
        (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "sales1", displayName = "sales1", password = "Sales-Passw0rd!", roles = new[] { "sales-person" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "clerk1", displayName = "clerk1", password = "Clerk-Passw0rd!", roles = new[] { "store-clerk" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var sales = await _factory.SignedInClientAsync(admin.BaseAddress!.Host, "sales1", "Sales-Passw0rd!");
        var clerk = await _factory.SignedInClientAsync(admin.BaseAddress!.Host, "clerk1", "Clerk-Passw0rd!");

        var adminHome = await admin.GetStringAsync("/cards/desk");
        var clerkHome = await clerk.GetStringAsync("/cards/desk");
        var salesHome = await sales.GetStringAsync("/");

        foreach (var key in new[] { "cards.desk", "cards.cards", "cards.products", "cards.numbering", "cards.stock", "cards.terminals", "cards.ledger-check" })
        {
            adminHome.ShouldContain($"data-menu-key=\"{key}\"");
            salesHome.ShouldNotContain($"data-menu-key=\"{key}\"");
        }

        clerkHome.ShouldContain("data-menu-key=\"cards.desk\"");
        clerkHome.ShouldNotContain("data-menu-key=\"cards.numbering\"");
        clerkHome.ShouldNotContain("data-menu-key=\"cards.terminals\"");
        (await sales.GetAsync("/cards/desk")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await clerk.GetAsync("/cards/products/new")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        // The desk shows a clerk the forms a clerk may send: pay and top up, not close.
        var (number, _, _) = await ActiveCardAsync(admin, 10_000);
        var clerkDesk = await LookUpAsync(clerk, number);
        var path = DeskPath(clerkDesk);
        clerkDesk.ShouldContain($"action=\"{path}/pay\"");
        clerkDesk.ShouldContain($"action=\"{path}/freeze\"");
        clerkDesk.ShouldNotContain($"action=\"{path}/close\"");
        (await LookUpAsync(admin, number)).ShouldContain($"action=\"{path}/close\"");
    }

    [Fact]
    public async Task Should_show_the_members_cards_and_latest_transactions_on_the_360_page()
    {
        var (_, client) = await TenantAsync(_factory, "p360");
        var created = await OkAsync(await client.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = "李娜" }, keepDespiteDuplicates = true }));
        var memberId = created.GetProperty("id").GetGuid();
        var memberCode = created.GetProperty("code").GetString()!;
        var product = await CreateProductAsync(client, Product("SV"));
        var numbers = await StockAsync(client, product, 2);
        await OkAsync(await client.PostAsJsonAsync($"/api/cards/cards/{numbers[0]}/activation", new { memberCode, initialTopUp = 20_000 }), HttpStatusCode.OK);
        for (var i = 1; i <= 12; i++)
        {
            await OkAsync(await PayAsync(client, numbers[0], 100, receipt: $"R-{i}"));
        }

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/members/customers/{memberId}"));

        page.ShouldContain("id=\"member-cards\"");
        page.ShouldContain("************" + numbers[0][^4..]);
        page.ShouldNotContain(numbers[0]);
        page.ShouldNotContain(numbers[1][^4..] + "</code>");
        page.ShouldContain("Product SV");
        page.ShouldContain("188.00\u00A0CNY");
        page.ShouldContain("/cards/desk/");
        var transactions = Regex.Match(page, "<table id=\"member-card-transactions\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Regex.Count(transactions, "<tr><td>").ShouldBe(10);

        var other = await OkAsync(await client.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = "No Card" }, keepDespiteDuplicates = true }));
        (await client.GetStringAsync($"/members/customers/{other.GetProperty("id").GetGuid()}")).ShouldContain("No cards.");
    }

    [Fact]
    public async Task Should_fill_demo_data_once_however_often_it_runs_and_allow_a_sale_and_a_payment_at_once()
    {
        var (tenant, client) = await TenantAsync(_factory, "demo");

        (await client.PostAsync("/api/admin/demo-data", null)).EnsureSuccessStatusCode();
        var once = await CountsAsync(tenant);
        (await client.PostAsync("/api/admin/demo-data", null)).EnsureSuccessStatusCode();
        var twice = await CountsAsync(tenant);

        twice.ShouldBe(once);
        once.Stores.ShouldBe(3);
        once.Products.ShouldBe(2);
        once.Cards.ShouldBe(20);
        once.Active.ShouldBe(2);
        once.Terminals.ShouldBe(3);

        var sold = (await client.GetFromJsonAsync<JsonElement>("/api/cards/cards?status=Active")).GetProperty("items").EnumerateArray().ToList();
        var storedValue = await _factory.InTenantAsync(tenant, async services =>
            await services.GetRequiredService<CardsDbContext>().Set<Card>().Where(c => c.Status == CardStatus.Active && c.PinHash != null).Select(c => c.Number).SingleAsync());
        var before = (await CardAsync(client, storedValue)).GetProperty("balance").GetInt64();
        before.ShouldBe(50_000 + 5_000 - 8_850);
        await OkAsync(await PayAsync(client, storedValue, 1_000, pin: "2468"));
        (await ShouldBalanceAsync(client, storedValue)).GetProperty("balance").GetInt64().ShouldBe(before - 1_000);

        var stock = (await client.GetFromJsonAsync<JsonElement>("/api/cards/cards?status=InStock")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var stockNumber = await _factory.InTenantAsync(tenant, async services =>
            await services.GetRequiredService<CardsDbContext>().Set<Card>().Where(c => c.Id == stock).Select(c => c.Number).SingleAsync());
        var member = await MemberAsync(client, "新会员");
        var desk = await LookUpAsync(client, stockNumber, "S001");
        desk.ShouldContain("S001");
        var pinNeeded = desk.Contains("PIN (4 to 8 digits, required)", StringComparison.Ordinal);
        var fields = pinNeeded ? new[] { ("MemberCode", member), ("InitialTopUp", "100"), ("Pin", "1357") } : [("MemberCode", member), ("InitialTopUp", "100")];
        Balance(await client.SubmitAndFollowAsync(DeskPath(desk), DeskPath(desk) + "/sell", fields)).ShouldBe("100.00\u00A0CNY");
        sold.Count.ShouldBe(2);
        (await client.GetStringAsync("/cards/terminals")).ShouldContain("S002");
    }

    private async Task<(int Stores, int Products, int Cards, int Active, int Terminals, int Ledger)> CountsAsync(string tenant) =>
        await _factory.InTenantAsync(tenant, async services =>
        {
            var db = services.GetRequiredService<CardsDbContext>();
            var stores = (await services.GetRequiredService<IOrganizationUnits>().ListAsync()).Count(u => u.Type == OrganizationUnitType.Store);
            return (stores, await db.Set<CardProduct>().CountAsync(), await db.Set<Card>().CountAsync(), await db.Set<Card>().CountAsync(c => c.Status == CardStatus.Active),
                await db.Set<Terminal>().CountAsync(), await db.Set<LedgerEntry>().CountAsync());
        });

    /// <summary>Looks the card up at the desk and returns the desk page of the card (the URL is in the page as the sell/top-up form actions).</summary>
    private static async Task<string> LookUpAsync(HttpClient client, string number, string? store = null)
    {
        var fields = store is null ? new[] { ("Number", number) } : [("Number", number), ("StoreCode", store)];
        var response = await client.SubmitAsync("/cards/desk", "/cards/desk", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        location.ShouldStartWith("/cards/desk/");
        return $"<!-- desk:{location} -->" + WebUtility.HtmlDecode(await client.GetStringAsync(location));
    }

    private static string DeskPath(string desk)
    {
        var location = DeskMarker().Match(desk).Groups[1].Value;
        var query = location.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? location : location[..query];
    }

    private static string Balance(string page) => BalancePattern().Match(page).Groups[1].Value;

    private static string Status(string page) => StatusPattern().Match(page).Groups[1].Value;

    [GeneratedRegex("id=\"card-status\">([^<]+)<")]
    private static partial Regex StatusPattern();

    [GeneratedRegex("<!-- desk:([^ ]+) -->")]
    private static partial Regex DeskMarker();

    [GeneratedRegex("id=\"card-balance\" class=\"money\">([^<]+)<")]
    private static partial Regex BalancePattern();
}
