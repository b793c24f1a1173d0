using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Members.Tests.Web;

public sealed class CustomerPagesTests(MembersHost host) : IClassFixture<MembersHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    private async Task<HttpClient> TenantAsync() =>
        await _factory.CreateTenantAsync(await _factory.SignedInClientAsync(), Names.Tenant("pages"));

    [Fact]
    public async Task Should_create_a_customer_through_the_form_and_show_its_page()
    {
        var client = await TenantAsync();

        var page = await client.SubmitAndFollowAsync("/members/customers/new", "/members/customers/new",
            ("DisplayName", "王芳"), ("Phone", "139 0000 1111"), ("Email", "Wang.Fang@Example.com"), ("Street", "人民路 8 号"), ("Postcode", "100000"), ("Tags", "vip, 新客"),
            ("Anniversaries", "结婚纪念日: 2015-06-01"));

        page.ShouldContain("王芳");
        page.ShouldContain("+8613900001111");
        page.ShouldContain("wang.fang@example.com");
        page.ShouldContain("新客");
        page.ShouldContain("结婚纪念日");
        page.ShouldContain("2015-06-01");
        (await client.GetStringAsync("/members/customers?term=13900001111")).ShouldContain("王芳");
    }

    [Fact]
    public async Task Should_warn_of_a_likely_duplicate_on_the_form_and_save_only_when_confirmed()
    {
        var client = await TenantAsync();
        await client.SubmitAndFollowAsync("/members/customers/new", "/members/customers/new", ("DisplayName", "Chen Jie"), ("Phone", "13811112222"));

        var warnedResponse = await client.SubmitAsync("/members/customers/new", "/members/customers/new", ("DisplayName", "Jie Chen"), ("Phone", "+86 138 1111 2222"));
        warnedResponse.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var warned = await warnedResponse.Content.ReadAsStringAsync();

        warned.ShouldContain("id=\"duplicates\"");
        warned.ShouldContain("same phone");
        warned.ShouldContain("id=\"save-anyway\"");
        (await client.GetFromJsonAsync<JsonElement>("/api/members/customers")).GetProperty("total").GetInt32().ShouldBe(1);

        var kept = await client.SubmitHtmlAsync(warned, "/members/customers/new", ("DisplayName", "Jie Chen"), ("Phone", "+86 138 1111 2222"), ("KeepDespiteDuplicates", "true"));
        kept.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetFromJsonAsync<JsonElement>("/api/members/customers")).GetProperty("total").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Should_show_the_field_at_fault_when_the_form_is_wrong()
    {
        var client = await TenantAsync();

        var refused = await client.SubmitRefusedAsync("/members/customers/new", "/members/customers/new", ("DisplayName", "Bad Phone"), ("Phone", "12"), ("Postcode", "12"), ("Street", "x"));

        refused.ShouldContain("is not a valid phone number");
        refused.ShouldContain("is not a postcode of CN");
        refused.ShouldContain("value=\"Bad Phone\"");
    }

    [Fact]
    public async Task Should_show_a_refused_form_again_with_what_was_typed_and_the_errors_in_chinese()
    {
        var client = await TenantAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.SubmitAsync("/members/customers/new", "/members/customers/new",
            ("DisplayName", "李雷"), ("Phone", "12"), ("Street", "长安街 1 号"), ("Postcode", "12"), ("Tags", "老客户"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        page.ShouldContain("value=\"李雷\"");
        page.ShouldContain("value=\"长安街 1 号\"");
        page.ShouldContain("value=\"老客户\"");
        page.ShouldContain("请更正标记的字段。");
        page.ShouldContain("的有效电话号码。");
        page.ShouldContain("“12”不是 CN 的邮政编码。");
        page.ShouldContain("class=\"field-error\"");
        page.ShouldNotContain("is not a postcode of");
        (await client.GetFromJsonAsync<JsonElement>("/api/members/customers")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Should_create_one_customer_when_the_form_is_sent_twice()
    {
        var client = await TenantAsync();
        var form = await client.GetStringAsync("/members/customers/new");

        var first = await client.SubmitHtmlAsync(form, "/members/customers/new", ("DisplayName", "Double Click"), ("Phone", "13512340001"));
        var again = await client.SubmitHtmlAsync(form, "/members/customers/new", ("DisplayName", "Double Click"), ("Phone", "13512340001"));

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location.ShouldBe(first.Headers.Location);
        (await client.GetFromJsonAsync<JsonElement>("/api/members/customers")).GetProperty("total").GetInt32().ShouldBe(1);
        var shown = WebUtility.HtmlDecode(await client.GetStringAsync(again.Headers.Location));
        shown.ShouldContain("Double Click");
        shown.ShouldContain("id=\"notice\"");
        shown.ShouldContain("This form was sent before; it was carried out once.");
    }

    [Fact]
    public async Task Should_edit_a_customer_and_page_and_sort_the_list()
    {
        var client = await TenantAsync();
        for (var i = 0; i < 30; i++)
        {
            (await client.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = $"Person {i:00}" } })).EnsureSuccessStatusCode();
        }

        var firstPage = await client.GetStringAsync("/members/customers?sort=name");
        var secondPage = await client.GetStringAsync("/members/customers?sort=name&page=2");
        var descending = await client.GetStringAsync("/members/customers?sort=name&descending=true");

        firstPage.ShouldContain("Person 00");
        firstPage.ShouldNotContain("Person 29");
        secondPage.ShouldContain("Person 29");
        descending.IndexOf("Person 29", StringComparison.Ordinal).ShouldBeLessThan(descending.IndexOf("Person 10", StringComparison.Ordinal));

        var list = await client.GetFromJsonAsync<JsonElement>("/api/members/customers?term=Person%2007");
        var id = list.GetProperty("items")[0].GetProperty("id").GetGuid();
        var edited = await client.SubmitAndFollowAsync($"/members/customers/{id}/edit", $"/members/customers/{id}/edit", ("DisplayName", "Person Seven"), ("Tier", "gold"));
        edited.ShouldContain("Person Seven");
        edited.ShouldContain("gold");
    }

    [Fact]
    public async Task Should_show_contacts_and_branches_of_a_trade_customer()
    {
        var client = await TenantAsync();
        var parent = await (await client.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Organization", displayName = "Acme Trading" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var parentCode = parent.GetProperty("code").GetString()!;
        var parentId = parent.GetProperty("id").GetGuid();

        await client.SubmitAndFollowAsync("/members/customers/new?kind=Organization", "/members/customers/new", ("DisplayName", "Acme Pudong Branch"), ("ParentCode", parentCode));
        var contact = await client.SubmitAndFollowAsync("/members/customers/new", "/members/customers/new", ("DisplayName", "Wu Lei"), ("ParentCode", parentCode.ToLowerInvariant()));
        var refused = await client.SubmitRefusedAsync("/members/customers/new", "/members/customers/new", ("DisplayName", "Nobody's Contact"), ("ParentCode", "C0000"));

        contact.ShouldContain("Acme Trading");
        refused.ShouldContain("No customer has the code 'C0000'");
        var page = await client.GetStringAsync($"/members/customers/{parentId}");
        page.ShouldContain("Acme Pudong Branch");
        page.ShouldContain("Wu Lei");
        page.ShouldContain("id=\"rolled-up\"");
    }

    [Fact]
    public async Task Should_refuse_a_person_as_the_parent_of_a_customer()
    {
        var client = await TenantAsync();
        var person = await (await client.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = "Just A Person" } }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var response = await client.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = "Child", parentId = person.GetProperty("id").GetGuid() } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("parentId");
    }

    [Fact]
    public async Task Should_show_recent_purchases_and_the_class_history_on_the_360_page()
    {
        var client = await TenantAsync();
        var customer = await (await client.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = "Buyer Zhou" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = customer.GetProperty("id").GetGuid();

        var purchase = await client.PostAsJsonAsync("/api/members/purchases", new { customerId = id, receiptId = "R-360-1", storeCode = "S01", purchasedAt = DateTime.UtcNow.AddHours(-1), amount = 12345, currency = "CNY", tender = "cash" });
        purchase.StatusCode.ShouldBe(HttpStatusCode.Created, await purchase.Content.ReadAsStringAsync());

        var page = await client.GetStringAsync($"/members/customers/{id}");
        page.ShouldContain("id=\"recent-purchases\"");
        page.ShouldContain("R-360-1");
        page.ShouldContain("123.45");
        page.ShouldContain("id=\"lifecycle-history\"");
    }

    [Fact]
    public async Task Should_define_a_custom_field_on_its_page_and_validate_it_on_the_customer_form()
    {
        var client = await TenantAsync();

        var refused = await client.SubmitRefusedAsync("/members/custom-fields", "/members/custom-fields", ("Key", "Shoe Size"), ("Label", "Shoe size"), ("Type", "Number"));
        var saved = await client.SubmitAndFollowAsync("/members/custom-fields", "/members/custom-fields", ("Key", "shoe_size"), ("Label", "Shoe size"), ("LabelZh", "鞋码"), ("Type", "Number"));
        var form = await client.GetStringAsync("/members/customers/new");
        var wrong = await client.SubmitRefusedAsync("/members/customers/new", "/members/customers/new", ("DisplayName", "Big Feet"), ("CustomFields[shoe_size]", "huge"));
        var right = await client.SubmitAndFollowAsync("/members/customers/new", "/members/customers/new", ("DisplayName", "Big Feet"), ("CustomFields[shoe_size]", "46"));

        refused.ShouldContain("lower-case letters");
        saved.ShouldContain("shoe_size");
        form.ShouldContain("name=\"CustomFields[shoe_size]\"");
        wrong.ShouldContain("'huge' is not a number");
        right.ShouldContain("Shoe size");
        right.ShouldContain("46");
    }
}
