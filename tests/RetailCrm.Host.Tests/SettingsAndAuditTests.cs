using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Host.Tests;

public sealed class SettingsAndAuditTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    private static async Task<string?> ValueAsync(HttpClient client, string name)
    {
        var settings = await client.GetFromJsonAsync<JsonElement>("/api/admin/settings");
        var setting = settings.EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
        return setting.GetProperty("value").GetString();
    }

    private static Task<HttpResponseMessage> SetAsync(HttpClient client, string name, string? value, string scope) =>
        client.PutAsJsonAsync($"/api/admin/settings/{name}", new { value, scope });

    [Fact]
    public async Task Should_resolve_settings_user_then_tenant_then_global_then_configuration_then_default()
    {
        var hostAdmin = await _factory.SignedInClientAsync();
        var tenant = await _factory.CreateTenantAsync(hostAdmin, Names.Tenant("settings"));

        (await ValueAsync(tenant, "alpha.greeting")).ShouldBe("hello");          // default
        (await ValueAsync(tenant, "alpha.limit")).ShouldBe("42");                 // configuration beats default

        (await SetAsync(hostAdmin, "alpha.greeting", "global-hi", "Global")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ValueAsync(tenant, "alpha.greeting")).ShouldBe("global-hi");

        (await SetAsync(tenant, "alpha.greeting", "tenant-hi", "Tenant")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ValueAsync(tenant, "alpha.greeting")).ShouldBe("tenant-hi");
        (await ValueAsync(hostAdmin, "alpha.greeting")).ShouldBe("global-hi");

        (await SetAsync(tenant, "alpha.greeting", "user-hi", "User")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ValueAsync(tenant, "alpha.greeting")).ShouldBe("user-hi");

        (await SetAsync(tenant, "alpha.greeting", null, "User")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ValueAsync(tenant, "alpha.greeting")).ShouldBe("tenant-hi");
        (await SetAsync(hostAdmin, "alpha.greeting", null, "Global")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_refuse_a_setting_value_of_the_wrong_type_naming_the_field()
    {
        var tenant = await _factory.CreateTenantAsync(await _factory.SignedInClientAsync(), Names.Tenant("settings"));

        var response = await SetAsync(tenant, "alpha.limit", "many", "Tenant");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("value")[0].GetString()!.ShouldContain("int");
        (await ValueAsync(tenant, "alpha.limit")).ShouldBe("42");
    }

    [Fact]
    public async Task Should_refuse_a_global_setting_from_a_tenant_that_is_not_the_platforms()
    {
        var tenant = await _factory.CreateTenantAsync(await _factory.SignedInClientAsync(), Names.Tenant("settings"));

        (await SetAsync(tenant, "alpha.greeting", "x", "Global")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_record_who_changed_what_and_when_in_the_audit_log()
    {
        var tenant = await _factory.CreateTenantAsync(await _factory.SignedInClientAsync(), Names.Tenant("audit"));
        var before = DateTime.UtcNow.AddSeconds(-1);

        (await tenant.PostAsJsonAsync("/api/alpha/things", new { name = "audited-thing" })).EnsureSuccessStatusCode();

        var audit = await tenant.GetFromJsonAsync<JsonElement>("/api/admin/audit?entityType=AlphaThing");
        var record = audit.EnumerateArray().Single();
        record.GetProperty("moduleId").GetString().ShouldBe("alpha");
        var entry = record.GetProperty("entry");
        entry.GetProperty("userName").GetString().ShouldBe("admin");
        entry.GetProperty("action").GetString().ShouldBe("Created");
        entry.GetProperty("changes").GetString()!.ShouldContain("audited-thing");
        entry.GetProperty("occurredAt").GetDateTime().ShouldBeGreaterThan(before);
        (await tenant.GetStringAsync("/admin/audit")).ShouldContain("AlphaThing");
    }

    [Fact]
    public async Task Should_page_the_audit_log_newest_first_across_modules_and_filter_it_by_module_and_user()
    {
        var tenant = await _factory.CreateTenantAsync(await _factory.SignedInClientAsync(), Names.Tenant("audit"));
        for (var i = 1; i <= 53; i++)
        {
            (await tenant.PostAsJsonAsync("/api/alpha/things", new { name = $"thing {i:00}" })).EnsureSuccessStatusCode();
        }

        var first = await tenant.GetStringAsync("/admin/audit?entityType=AlphaThing");
        var second = await tenant.GetStringAsync("/admin/audit?entityType=AlphaThing&page=2");
        var alphaOnly = await tenant.GetStringAsync("/admin/audit?module=alpha&page=2");
        var nobody = await tenant.GetStringAsync("/admin/audit?user=nobody");

        AuditRows(first).Count.ShouldBe(50);
        AuditRows(second).Count.ShouldBe(3);
        AuditRows(first).Intersect(AuditRows(second)).ShouldBeEmpty();
        first.ShouldContain("thing 53");
        second.ShouldContain("thing 01");
        first.ShouldContain("data-pager=\"1/2\"");
        first.ShouldContain("href=\"?entityType=AlphaThing&amp;page=2\" rel=\"next\"");
        second.ShouldContain("rel=\"prev\"");
        alphaOnly.ShouldContain("data-pager=\"2/2\"");
        alphaOnly.ShouldNotContain("data-module=\"crm\"");
        (await tenant.GetStringAsync("/admin/audit?module=crm")).ShouldContain("data-module=\"crm\"");
        nobody.ShouldContain("No audit entries match.");
    }

    private static List<string> AuditRows(string page) =>
        [.. System.Text.RegularExpressions.Regex.Matches(page, "data-audit=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task Should_show_the_changes_on_the_audit_page_as_text_not_escaped_json()
    {
        var tenant = await _factory.CreateTenantAsync(await _factory.SignedInClientAsync(), Names.Tenant("audit"));
        (await tenant.PostAsJsonAsync("/api/alpha/things", new { name = "the \"东门\" shelf" })).EnsureSuccessStatusCode();

        var stored = (await tenant.GetFromJsonAsync<JsonElement>("/api/admin/audit?entityType=AlphaThing"))[0].GetProperty("entry").GetProperty("changes").GetString()!;
        stored.ShouldContain("\\u0022");

        var page = await tenant.GetStringAsync("/admin/audit?entityType=AlphaThing");
        page.ShouldContain("<strong>Name</strong>:");
        page.ShouldContain("<span class=\"new\">the &quot;东门&quot; shelf</span>");
        page.ShouldNotContain("\\u0022");
        page.ShouldNotContain("\\u4E1C");
    }

    [Fact]
    public async Task Should_keep_password_hashes_out_of_the_audit_log()
    {
        var hostAdmin = await _factory.SignedInClientAsync();
        var response = await hostAdmin.PostAsJsonAsync("/api/admin/users", new { userName = "clerk1", displayName = "Clerk", password = "Clerk-Passw0rd!", roles = new[] { "store-clerk" } });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);

        var audit = await hostAdmin.GetStringAsync("/api/admin/audit?entityType=User");

        audit.ShouldContain("clerk1");
        audit.ShouldContain("***");
        audit.ShouldNotContain("AQAAAA"); // the PBKDF2 hash format's prefix
    }
}
