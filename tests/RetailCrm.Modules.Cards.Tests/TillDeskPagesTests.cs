using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using static RetailCrm.Modules.Cards.Tests.CardTestKit;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>The one-screen till desk over HTTP: which panel is open and where the cursor waits, the sale's member search and the 80 mm receipt.</summary>
public sealed partial class TillDeskPagesTests(CardsHost host) : IClassFixture<CardsHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    [Fact]
    public async Task Should_open_the_desk_on_pay_with_the_cursor_in_the_amount_and_the_other_operations_hidden()
    {
        var (_, client) = await TenantAsync(_factory, "tdfocus");
        var (number, _, product) = await ActiveCardAsync(client, 10_000);
        var unsold = (await StockAsync(client, product))[0];

        var desk = await DeskAsync(client, number);
        Autofocused(desk).ShouldBe("pay-Amount");
        Hidden(desk, "op-pay").ShouldBeFalse();
        Hidden(desk, "op-top-up").ShouldBeTrue();
        Hidden(desk, "op-history").ShouldBeTrue();
        desk.ShouldContain("id=\"top-up-form\"", customMessage: "hidden, not removed: the page works without script");
        desk.ShouldContain("<kbd>F2</kbd>");
        desk.ShouldContain("<kbd>Alt+T</kbd>");

        var topUp = WebUtility.HtmlDecode(await client.GetStringAsync(PathOf(desk) + "?op=top-up"));
        Autofocused(topUp).ShouldBe("top-up-Amount");
        Hidden(topUp, "op-pay").ShouldBeTrue();

        Autofocused(await DeskAsync(client, unsold)).ShouldBe("sell-MemberCode");
    }

    [Fact]
    public async Task Should_remember_the_clerks_last_operation_for_the_next_card_and_wait_in_the_look_up_box_after_it()
    {
        var (_, client) = await TenantAsync(_factory, "tdlast");
        var (first, _, _) = await ActiveCardAsync(client, 10_000);
        var (second, _, _) = await ActiveCardAsync(client, 10_000, code: "SV2", prefix: "8867");

        var desk = await DeskAsync(client, first);
        var toppedUp = await client.SubmitAsync(PathOf(desk), PathOf(desk) + "/top-up", ("Amount", "5"));
        toppedUp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(toppedUp.Headers.Location!.ToString()));
        Autofocused(after).ShouldBe("Number", "after a money step the cursor waits for the next card");
        after.ShouldContain("id=\"print-receipt\"");

        Autofocused(await DeskAsync(client, second)).ShouldBe("top-up-Amount");
    }

    [Fact]
    public async Task Should_sell_to_the_one_member_a_phone_finds_and_offer_a_masked_pick_list_when_several_match()
    {
        var (_, client) = await TenantAsync(_factory, "tdsell");
        var product = await CreateProductAsync(client, Product("SV"));
        var cards = await StockAsync(client, product, 3);
        var zhang = await PersonAsync(client, "张伟", "13800138000");
        var other = await PersonAsync(client, "张玮", "13900139001");

        var desk = await DeskAsync(client, cards[0]);
        var sold = await client.SubmitAndFollowAsync(PathOf(desk), PathOf(desk) + "/sell", ("MemberCode", "138-0013-8000"), ("InitialTopUp", "10"));
        sold.ShouldContain("Card sold.");
        WebUtility.HtmlDecode(sold).ShouldContain(zhang);

        var second = await DeskAsync(client, cards[1]);
        var several = WebUtility.HtmlDecode(await client.SubmitRefusedAsync(PathOf(second), PathOf(second) + "/sell", ("MemberCode", "ZW")));
        several.ShouldContain("Several members match: pick one.");
        several.ShouldContain($"data-member=\"{zhang}\"");
        several.ShouldContain($"data-member=\"{other}\"");
        several.ShouldContain("•••• 8000");
        several.ShouldNotContain("13800138000");
        Hidden(several, "op-sell").ShouldBeFalse();

        var none = WebUtility.HtmlDecode(await client.SubmitRefusedAsync(PathOf(second), PathOf(second) + "/sell", ("MemberCode", "nobody at all")));
        none.ShouldContain("No member has this phone, name or code.");

        var byName = await client.SubmitAndFollowAsync(PathOf(second), PathOf(second) + "/sell", ("MemberCode", "张玮"));
        WebUtility.HtmlDecode(byName).ShouldContain(other);
    }

    [Fact]
    public async Task Should_search_members_for_a_sale_within_the_clerks_data_scope()
    {
        var (_, admin) = await TenantAsync(_factory, "tdscope");
        await StoreAsync(admin, "SC1");
        var units = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/organization-units")).EnumerateArray().ToList();
        Guid Unit(string code) => units.Single(u => u.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
        var product = await CreateProductAsync(admin, Product("SV"));
        var cards = await StockAsync(admin, product, 2);
        var ours = await PersonAsync(admin, "周敏", "13711112222", Unit("SC1"));
        var theirs = await PersonAsync(admin, "周明", "13733334444", Unit("HQ"));
        (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "clerk-scope", displayName = "clerk-scope", password = "Clerk-Passw0rd!", organizationUnitId = Unit("SC1"), roles = new[] { "store-clerk" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var clerk = await _factory.SignedInClientAsync(admin.BaseAddress!.Host, "clerk-scope", "Clerk-Passw0rd!");

        var adminDesk = await DeskAsync(admin, cards[0]);
        WebUtility.HtmlDecode(await admin.SubmitRefusedAsync(PathOf(adminDesk), PathOf(adminDesk) + "/sell", ("MemberCode", "ZM"))).ShouldContain("Several members match: pick one.");

        var desk = await DeskAsync(clerk, cards[1]);
        var sold = WebUtility.HtmlDecode(await clerk.SubmitAndFollowAsync(PathOf(desk), PathOf(desk) + "/sell", ("MemberCode", "ZM")));
        sold.ShouldContain(ours, Case.Sensitive, "the clerk sees only the store's members: one hit");
        sold.ShouldNotContain(theirs);
    }

    [Fact]
    public async Task Should_print_a_payments_receipt_with_the_default_template_then_the_tenants_own_and_refuse_a_broken_one()
    {
        var (_, client) = await TenantAsync(_factory, "tdreceipt");
        var (number, _, _) = await ActiveCardAsync(client, 10_000);
        var desk = await DeskAsync(client, number);

        var paid = await client.SubmitAsync(PathOf(desk), PathOf(desk) + "/pay", ("Amount", "12.50"));
        paid.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(paid.Headers.Location!.ToString()));
        var receipt = ReceiptLink().Match(after).Groups[1].Value;
        receipt.ShouldNotBeEmpty(after);

        var slip = WebUtility.HtmlDecode(await client.GetStringAsync(receipt));
        slip.ShouldContain("data-template=\"default\"");
        slip.ShouldContain("size: 80mm auto; margin: 0");
        slip.ShouldContain("width: 72mm");
        slip.ShouldContain("-12.50\u00A0CNY");
        slip.ShouldContain("87.50\u00A0CNY");
        slip.ShouldContain("************" + number[^4..]);
        slip.ShouldNotContain(number);

        var broken = await client.PutAsJsonAsync("/api/admin/settings/cards.receipt.template", new { value = "{{ store_name }} {{ if }}", scope = "Tenant" });
        broken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await broken.Content.ReadAsStringAsync()).ShouldContain("The template does not parse");
        WebUtility.HtmlDecode(await client.GetStringAsync(receipt)).ShouldContain("data-template=\"default\"");

        var saved = await client.PutAsJsonAsync("/api/admin/settings/cards.receipt.template",
            new { value = "OUR SHOP {{ operation }} {{ amount }}\n{{ labels.clerk }}: {{ clerk }}", scope = "Tenant" });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var custom = WebUtility.HtmlDecode(await client.GetStringAsync(receipt));
        custom.ShouldContain("data-template=\"tenant\"");
        custom.ShouldContain("OUR SHOP");
        custom.ShouldContain("-12.50\u00A0CNY");

        var request = new HttpRequestMessage(HttpMethod.Get, receipt);
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());
        chinese.ShouldContain("收银员:");
    }

    [Fact]
    public async Task Should_edit_the_receipt_template_on_its_page_refusing_a_broken_one_at_the_field_and_showing_a_sample()
    {
        var (_, client) = await TenantAsync(_factory, "tdtemplate");
        const string page = "/cards/desk/receipts/template";

        var refused = WebUtility.HtmlDecode(await client.SubmitRefusedAsync(page, page, ("Template", "{{ for x in }}")));
        refused.ShouldContain("The receipt template is refused: The template does not parse");
        refused.ShouldContain("{{ for x in }}</textarea>");

        var saved = WebUtility.HtmlDecode(await client.SubmitAndFollowAsync(page, page, ("Template", "SHOP\r\n{{ operation }} {{ amount }}")));
        saved.ShouldContain("Receipt template saved.");
        saved.ShouldContain("tenant template");
        Regex.Match(saved, "id=\"sample-receipt\"[^>]*>([^<]*)<").Groups[1].Value.ShouldBe("SHOP\nPayment -12.50\u00A0CNY");

        var cleared = WebUtility.HtmlDecode(await client.SubmitAndFollowAsync(page, page, ("Template", "")));
        cleared.ShouldContain("default template");
    }

    private static async Task<string> PersonAsync(HttpClient client, string name, string phone, Guid? unitId = null)
    {
        var response = await client.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = name, phone, unitId }, keepDespiteDuplicates = true });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    /// <summary>Looks the card up and returns its desk page, marked with its path.</summary>
    private static async Task<string> DeskAsync(HttpClient client, string number)
    {
        var response = await client.SubmitAsync("/cards/desk", "/cards/desk", ("Number", number));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        return $"<!-- desk:{location.Split('?')[0]} -->" + WebUtility.HtmlDecode(await client.GetStringAsync(location));
    }

    private static string PathOf(string desk) => DeskMarker().Match(desk).Groups[1].Value;

    /// <summary>The id of the one element with autofocus.</summary>
    private static string Autofocused(string page)
    {
        var tags = Regex.Matches(page, "<(?:input|select|button|textarea)\\b[^>]*\\bautofocus[^>]*>").Select(m => m.Value).ToList();
        tags.Count.ShouldBe(1, string.Join("\n", tags));
        return Regex.Match(tags[0], "id=\"([^\"]+)\"").Groups[1].Value;
    }

    private static bool Hidden(string page, string id)
    {
        var tag = Regex.Match(page, $"<section [^>]*id=\"{id}\"[^>]*>").Value;
        tag.ShouldNotBeEmpty(id);
        return Regex.IsMatch(tag, "\\bhidden\\b");
    }

    [GeneratedRegex("<!-- desk:([^ ]+) -->")]
    private static partial Regex DeskMarker();

    [GeneratedRegex("href=\"(/cards/desk/receipts/[0-9a-f-]+)\"")]
    private static partial Regex ReceiptLink();
}
