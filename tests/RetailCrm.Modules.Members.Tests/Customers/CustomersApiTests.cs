using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Members.Tests.Customers;

public sealed class CustomersApiTests(MembersHost host) : IClassFixture<MembersHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    private async Task<HttpClient> TenantAsync() =>
        await _factory.CreateTenantAsync(await _factory.SignedInClientAsync(), Names.Tenant("members"));

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, object customer, bool keep = false) =>
        client.PostAsJsonAsync("/api/members/customers", new { customer, keepDespiteDuplicates = keep });

    private static async Task<JsonElement> CreatedAsync(HttpClient client, object customer)
    {
        var response = await CreateAsync(client, customer);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Should_store_a_customer_normalized_with_a_generated_code()
    {
        var client = await TenantAsync();

        var customer = await CreatedAsync(client, new
        {
            kind = "Person",
            displayName = " 欧阳  娜娜 ",
            phone = "138 0013 8000",
            email = " NaNa@Example.COM ",
            birthday = "1990-05-01",
            addresses = new[] { new { kind = "Home", region = "cn", city = "上海", street = "南京西路 1 号", postcode = "200040" } },
            tags = new[] { "VIP", "vip " },
        });

        customer.GetProperty("code").GetString()!.ShouldMatch(@"^C\d{4}\d{6}$");
        customer.GetProperty("familyName").GetString().ShouldBe("欧阳");
        customer.GetProperty("givenName").GetString().ShouldBe("娜娜");
        customer.GetProperty("phone").GetString().ShouldBe("+8613800138000");
        customer.GetProperty("email").GetString().ShouldBe("nana@example.com");
        customer.GetProperty("addresses")[0].GetProperty("region").GetString().ShouldBe("CN");
        customer.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["vip"]);
    }

    [Fact]
    public async Task Should_give_every_customer_of_a_tenant_a_different_code_even_in_parallel()
    {
        var client = await TenantAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => CreateAsync(client, new { kind = "Person", displayName = $"Parallel {i}" })));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var codes = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()));
        codes.Distinct().Count().ShouldBe(12);
    }

    [Fact]
    public async Task Should_show_likely_duplicates_before_saving_and_keep_both_when_asked()
    {
        var client = await TenantAsync();
        var first = await CreatedAsync(client, new { kind = "Person", displayName = "Anna Smith", phone = "+86 139 1234 5678", birthday = "1985-02-03" });

        var samePhone = await CreateAsync(client, new { kind = "Person", displayName = "A. Smith", phone = "13912345678" });
        var sameNameAndBirthday = await CreateAsync(client, new { kind = "Person", displayName = "anna  SMITH", birthday = "1985-02-03" });

        samePhone.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await samePhone.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString()!.ShouldEndWith("likely-duplicates");
        var candidate = problem.GetProperty("candidates")[0];
        candidate.GetProperty("code").GetString().ShouldBe(first.GetProperty("code").GetString());
        candidate.GetProperty("score").GetInt32().ShouldBe(100);
        sameNameAndBirthday.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await sameNameAndBirthday.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("candidates")[0].GetProperty("score").GetInt32().ShouldBe(85);

        (await CreateAsync(client, new { kind = "Person", displayName = "A. Smith", phone = "13912345678" }, keep: true)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Should_refuse_bad_input_naming_each_field_and_store_nothing()
    {
        var client = await TenantAsync();

        var response = await CreateAsync(client, new
        {
            kind = "Person",
            displayName = "",
            phone = "12345",
            email = "nope",
            addresses = new[] { new { kind = "Home", region = "CN", street = "x", postcode = "1234" } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        errors.ShouldBe(["displayName", "phone", "email", "addresses[0].postcode"], ignoreOrder: true);
        (await client.GetFromJsonAsync<JsonElement>("/api/members/customers")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Should_find_customers_by_code_name_phone_in_any_format_and_custom_field()
    {
        var client = await TenantAsync();
        (await client.PutAsJsonAsync("/api/members/custom-fields", new { key = "shoe_size", label = "Shoe size", type = "Number", required = false, order = 1 })).EnsureSuccessStatusCode();
        var zhang = await CreatedAsync(client, new { kind = "Person", displayName = "张伟", phone = "13800138000", customFields = new Dictionary<string, string> { ["shoe_size"] = "42.5" } });
        await CreatedAsync(client, new { kind = "Person", displayName = "Li Na", phone = "13700137000" });

        async Task<List<string?>> Find(string term) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/members/customers?term={Uri.EscapeDataString(term)}")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("displayName").GetString()).ToList();

        (await Find("+86 138-0013-8000")).ShouldBe(["张伟"]);
        (await Find(zhang.GetProperty("code").GetString()!)).ShouldBe(["张伟"]);
        (await Find("li na")).ShouldBe(["Li Na"]);
        (await Find("42.5")).ShouldBe(["张伟"]);
    }

    [Fact]
    public async Task Should_validate_custom_fields_by_type()
    {
        var client = await TenantAsync();
        (await client.PutAsJsonAsync("/api/members/custom-fields", new { key = "channel", label = "Channel", type = "Choice", choices = new[] { "store", "web" }, required = true, order = 1 })).EnsureSuccessStatusCode();

        var missing = await CreateAsync(client, new { kind = "Person", displayName = "No Channel" });
        var wrong = await CreateAsync(client, new { kind = "Person", displayName = "Bad Channel", customFields = new Dictionary<string, string> { ["channel"] = "fax" } });
        var right = await CreateAsync(client, new { kind = "Person", displayName = "Good Channel", customFields = new Dictionary<string, string> { ["channel"] = "web" } });

        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("customFields.channel");
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        right.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Should_refuse_a_change_based_on_an_old_version()
    {
        var client = await TenantAsync();
        var created = await CreatedAsync(client, new { kind = "Person", displayName = "Versioned" });
        var id = created.GetProperty("id").GetGuid();

        var first = await client.PutAsJsonAsync($"/api/members/customers/{id}", new { customer = new { kind = "Person", displayName = "Versioned Once" }, version = 1 });
        var stale = await client.PutAsJsonAsync($"/api/members/customers/{id}", new { customer = new { kind = "Person", displayName = "Versioned Stale" }, version = 1 });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64().ShouldBe(2);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString()!.ShouldEndWith("version-conflict");
        (await client.GetFromJsonAsync<JsonElement>($"/api/members/customers/{id}")).GetProperty("displayName").GetString().ShouldBe("Versioned Once");
    }

    [Fact]
    public async Task Should_keep_customers_of_one_tenant_away_from_another()
    {
        var a = await TenantAsync();
        var b = await TenantAsync();
        var customer = await CreatedAsync(a, new { kind = "Person", displayName = "Only In A", phone = "13600136000" });
        var id = customer.GetProperty("id").GetGuid();

        (await b.GetAsync($"/api/members/customers/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.GetFromJsonAsync<JsonElement>("/api/members/customers?term=13600136000")).GetProperty("total").GetInt32().ShouldBe(0);
        (await CreateAsync(b, new { kind = "Person", displayName = "Only In A", phone = "13600136000" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await b.PutAsJsonAsync($"/api/members/customers/{id}", new { customer = new { kind = "Person", displayName = "Hijack" }, version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_show_a_sales_person_only_his_own_customers()
    {
        var admin = await TenantAsync();
        var host = admin.BaseAddress!.Host;
        foreach (var name in new[] { "sales1", "sales2" })
        {
            (await admin.PostAsJsonAsync("/api/admin/users", new { userName = name, displayName = name, password = "Sales-Passw0rd!", roles = new[] { "sales-person" } }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var sales1 = await _factory.SignedInClientAsync(host, "sales1", "Sales-Passw0rd!");
        var sales2 = await _factory.SignedInClientAsync(host, "sales2", "Sales-Passw0rd!");
        await CreatedAsync(sales1, new { kind = "Person", displayName = "Mine Of Sales1" });
        await CreatedAsync(sales2, new { kind = "Person", displayName = "Mine Of Sales2" });

        var seenBy1 = (await sales1.GetFromJsonAsync<JsonElement>("/api/members/customers")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("displayName").GetString()).ToList();
        var seenByAdmin = (await admin.GetFromJsonAsync<JsonElement>("/api/members/customers")).GetProperty("total").GetInt32();

        seenBy1.ShouldBe(["Mine Of Sales1"]);
        seenByAdmin.ShouldBe(2);
    }

    [Fact]
    public async Task Should_answer_404_when_the_members_module_is_off()
    {
        var client = await TenantAsync();

        // Analysis, cards, sales and service need members: they go off first.
        var refused = await client.PutAsJsonAsync("/api/admin/modules/members", new { enabled = false });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("'analysis', 'cards', 'sales', 'service'");
        (await client.PutAsJsonAsync("/api/admin/modules/analysis", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync("/api/admin/modules/cards", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync("/api/admin/modules/sales", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync("/api/admin/modules/service", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync("/api/admin/modules/members", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.GetAsync("/api/members/customers")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetStringAsync("/")).ShouldNotContain("data-menu-key=\"members.customers\"");
    }

    [Fact]
    public async Task Should_use_the_tenants_code_format_and_refuse_one_without_a_sequence()
    {
        var client = await TenantAsync();

        var refused = await client.PutAsJsonAsync("/api/admin/settings/members.code-format", new { value = "SHOP-", scope = "Tenant" });
        var badRegion = await client.PutAsJsonAsync("/api/admin/settings/members.phone-region", new { value = "XX", scope = "Tenant" });
        var accepted = await client.PutAsJsonAsync("/api/admin/settings/members.code-format", new { value = "SH{yy}-{seq:4}", scope = "Tenant" });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("{seq:N}");
        badRegion.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var customer = await CreatedAsync(client, new { kind = "Person", displayName = "Formatted" });
        customer.GetProperty("code").GetString().ShouldBe($"SH{DateTime.UtcNow:yy}-0001");
    }
}
