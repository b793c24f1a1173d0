using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Host.Tests;

/// <summary>The admin pages driven through their HTML forms: GET the page, submit the form with its antiforgery token, follow the redirect.</summary>
public sealed class AdminPageTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    private const string UserPassword = "User-Passw0rd!";
    private readonly CrmHostFactory _factory = host.Factory;

    private async Task<(HttpClient Admin, string Host)> TenantAsync()
    {
        var name = Names.Tenant("pages");
        return (await _factory.CreateTenantAsync(await _factory.SignedInClientAsync(), name), $"{name}.test");
    }

    private static async Task<Guid> CreateUserAsync(HttpClient admin, string userName, params string[] roles)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = userName, password = UserPassword, roles });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> UnitAsync(HttpClient admin, string code) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/admin/organization-units")).EnumerateArray()
            .Single(u => u.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();

    private static async Task<JsonElement> UserAsync(HttpClient admin, Guid id) => await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{id}");

    [Fact]
    public async Task Should_edit_a_user_on_the_users_page()
    {
        var (admin, _) = await TenantAsync();
        var id = await CreateUserAsync(admin, "bob", "sales-person");
        var hq = await UnitAsync(admin, "HQ");

        var page = await admin.SubmitAndFollowAsync("/admin/users", $"/admin/users/{id}",
            ("displayName", "Bob the Builder"), ("unitId", hq.ToString()), ("roles", "data-entry"), ("roles", "store-clerk"));

        page.ShouldContain("Saved bob.");
        page.ShouldContain("Bob the Builder");
        var user = await UserAsync(admin, id);
        user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe(["data-entry", "store-clerk"]);
        user.GetProperty("organizationUnitId").GetGuid().ShouldBe(hq);
    }

    [Fact]
    public async Task Should_show_a_refused_edit_next_to_its_form_with_what_was_typed()
    {
        var (admin, _) = await TenantAsync();
        var id = await CreateUserAsync(admin, "bob", "sales-person");

        var page = await admin.SubmitRefusedAsync("/admin/users", $"/admin/users/{id}", ("displayName", " "), ("roles", "sales-person"));

        HtmlForms.Form(page, $"/admin/users/{id}").ShouldContain("A user needs a display name.");
        (await UserAsync(admin, id)).GetProperty("displayName").GetString().ShouldBe("bob");
    }

    [Fact]
    public async Task Should_deactivate_reactivate_and_set_a_password_on_the_users_page()
    {
        var (admin, host) = await TenantAsync();
        var id = await CreateUserAsync(admin, "carol", "sales-person");

        (await admin.SubmitAndFollowAsync("/admin/users", $"/admin/users/{id}/active")).ShouldContain("Deactivated carol.");
        (await UserAsync(admin, id)).GetProperty("isActive").GetBoolean().ShouldBeFalse();
        (await admin.SubmitAndFollowAsync("/admin/users", $"/admin/users/{id}/active")).ShouldContain("Reactivated carol.");
        (await UserAsync(admin, id)).GetProperty("isActive").GetBoolean().ShouldBeTrue();

        var refused = await admin.SubmitRefusedAsync("/admin/users", $"/admin/users/{id}/password", ("password", "too-short"));
        HtmlForms.Form(refused, $"/admin/users/{id}/password").ShouldContain("A password has 10 to 200 characters.");

        (await admin.SubmitAndFollowAsync("/admin/users", $"/admin/users/{id}/password", ("password", "Carols-New-Pass1"))).ShouldContain("Set a new password for carol.");
        await _factory.SignedInClientAsync(host, "carol", "Carols-New-Pass1");
    }

    [Fact]
    public async Task Should_refuse_on_the_users_page_to_deactivate_oneself()
    {
        var (admin, _) = await TenantAsync();
        var me = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/users")).EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "admin").GetProperty("id").GetGuid();

        var page = await admin.SubmitRefusedAsync("/admin/users", $"/admin/users/{me}/active");

        HtmlForms.Form(page, $"/admin/users/{me}/active").ShouldContain("You cannot deactivate yourself.");
    }

    [Fact]
    public async Task Should_unlock_a_locked_out_user_on_the_users_page()
    {
        var (admin, host) = await TenantAsync();
        var id = await CreateUserAsync(admin, "dora");
        for (var i = 0; i < 5; i++)
        {
            await Should.ThrowAsync<InvalidOperationException>(() => _factory.SignedInClientAsync(host, "dora", "wrong-password"));
        }

        (await admin.SubmitAndFollowAsync("/admin/users", $"/admin/users/{id}/unlock")).ShouldContain("Unlocked dora.");

        await _factory.SignedInClientAsync(host, "dora", UserPassword);
    }

    [Fact]
    public async Task Should_create_and_delete_a_role_on_the_roles_page()
    {
        var (admin, _) = await TenantAsync();

        var page = await admin.SubmitAndFollowAsync("/admin/roles", "/admin/roles",
            ("name", "auditor"), ("displayName", "Auditor"), ("dataScope", "MyUnitAndBelow"), ("permissions", "crm.admin.audit"));

        page.ShouldContain("Created role auditor.");
        page.ShouldContain("id=\"role-auditor\"");
        var role = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/roles")).EnumerateArray().Single(r => r.GetProperty("name").GetString() == "auditor");
        role.GetProperty("dataScope").GetString().ShouldBe("MyUnitAndBelow");
        role.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ShouldBe(["crm.admin.audit"]);

        var roleId = role.GetProperty("id").GetGuid();
        (await admin.SubmitAndFollowAsync("/admin/roles", $"/admin/roles/{roleId}/delete")).ShouldContain("Deleted role auditor.");
        (await admin.GetStringAsync("/api/admin/roles")).ShouldNotContain("auditor");
    }

    [Fact]
    public async Task Should_refuse_on_the_roles_page_a_bad_name_and_deleting_a_held_role()
    {
        var (admin, _) = await TenantAsync();

        var bad = await admin.SubmitRefusedAsync("/admin/roles", "/admin/roles", ("name", "Bad Name"), ("displayName", "Bad"), ("dataScope", "Own"));
        var form = HtmlForms.Form(bad, "/admin/roles");
        form.ShouldContain("A role name has 2 to 100 characters a-z, 0-9 and -.");
        form.ShouldContain("value=\"Bad Name\"");

        await admin.SubmitAndFollowAsync("/admin/roles", "/admin/roles", ("name", "buyer"), ("displayName", "Buyer"), ("dataScope", "Own"));
        await CreateUserAsync(admin, "bea", "buyer");
        var roleId = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/roles")).EnumerateArray().Single(r => r.GetProperty("name").GetString() == "buyer").GetProperty("id").GetGuid();

        var held = await admin.SubmitRefusedAsync("/admin/roles", $"/admin/roles/{roleId}/delete");

        HtmlForms.Form(held, $"/admin/roles/{roleId}/delete").ShouldContain("'buyer' is held by 1 user(s); take it from them first.");
        var managerId = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/roles")).EnumerateArray().Single(r => r.GetProperty("name").GetString() == "manager").GetProperty("id").GetGuid();
        held.ShouldNotContain($"action=\"/admin/roles/{managerId}/delete\"");
    }

    [Fact]
    public async Task Should_add_and_rename_units_on_the_units_page_shown_as_a_tree()
    {
        var (admin, _) = await TenantAsync();
        var hq = await UnitAsync(admin, "HQ");

        var page = await admin.SubmitAndFollowAsync("/admin/units", "/admin/units", ("parentId", hq.ToString()), ("name", "Store A"), ("code", "SA"), ("kind", "Store"));
        page.ShouldContain("Created unit Store A.");
        var storeA = await UnitAsync(admin, "SA");
        page = await admin.SubmitAndFollowAsync("/admin/units", "/admin/units", ("parentId", storeA.ToString()), ("name", "Shoes"), ("code", "SA-1"), ("kind", "Department"));

        page.IndexOf("id=\"unit-HQ\"", StringComparison.Ordinal).ShouldBeLessThan(page.IndexOf("id=\"unit-SA\"", StringComparison.Ordinal));
        page.IndexOf("id=\"unit-SA\"", StringComparison.Ordinal).ShouldBeLessThan(page.IndexOf("id=\"unit-SA-1\"", StringComparison.Ordinal));
        page.ShouldContain("<td class=\"depth-2\">"); // indented as depth 2 (the theme's styles)

        var taken = await admin.SubmitRefusedAsync("/admin/units", "/admin/units", ("parentId", hq.ToString()), ("name", "Store A bis"), ("code", "sa"), ("kind", "Store"));
        HtmlForms.Form(taken, "/admin/units").ShouldContain("The code 'sa' is taken.");

        page = await admin.SubmitAndFollowAsync("/admin/units", $"/admin/units/{storeA}", ("name", "Store A (Nanjing Road)"));
        page.ShouldContain("Renamed the unit to Store A (Nanjing Road).");
        (await admin.GetStringAsync("/api/admin/organization-units")).ShouldContain("Store A (Nanjing Road)");
    }

    [Fact]
    public async Task Should_show_the_units_page_in_the_admin_menu()
    {
        var (admin, _) = await TenantAsync();

        (await admin.GetStringAsync("/admin/users")).ShouldContain("href=\"/admin/units\"");
    }

    [Fact]
    public async Task Should_set_and_clear_my_own_setting_and_show_where_the_value_comes_from()
    {
        var (admin, _) = await TenantAsync();

        var page = await admin.GetStringAsync("/admin/settings");
        Row(page, "alpha.limit").ShouldContain("data-source=\"Configuration\"");
        Row(page, "crm.ui.page-size").ShouldContain("data-source=\"Default\"");
        Row(page, "crm.ui.page-size").ShouldContain("action=\"/admin/settings/crm.ui.page-size/mine\"");
        page.ShouldNotContain("/global\"");

        page = await admin.SubmitAndFollowAsync("/admin/settings", "/admin/settings/crm.ui.page-size", ("value", "50"));
        Row(page, "crm.ui.page-size").ShouldContain("data-source=\"Tenant\"");

        page = await admin.SubmitAndFollowAsync("/admin/settings", "/admin/settings/crm.ui.page-size/mine", ("value", "100"));
        page.ShouldContain("Saved Rows per page (My value).");
        Row(page, "crm.ui.page-size").ShouldContain("<strong class=\"effective\">100</strong>");
        Row(page, "crm.ui.page-size").ShouldContain("data-source=\"User\"");

        page = await admin.SubmitAndFollowAsync("/admin/settings", "/admin/settings/crm.ui.page-size/mine", ("clear", "true"));
        Row(page, "crm.ui.page-size").ShouldContain("<strong class=\"effective\">50</strong>");
        Row(page, "crm.ui.page-size").ShouldContain("data-source=\"Tenant\"");

        var refused = await admin.SubmitRefusedAsync("/admin/settings", "/admin/settings/crm.ui.page-size/mine", ("value", "many"));
        HtmlForms.Form(refused, "/admin/settings/crm.ui.page-size/mine").ShouldContain("'many' is not a valid value for crm.ui.page-size.");

        Row(refused, "crm.theme.brand-name").ShouldNotContain("/mine\"");
    }

    [Fact]
    public async Task Should_let_the_platform_admin_set_the_global_value_on_the_settings_page()
    {
        var hostAdmin = await _factory.SignedInClientAsync();
        var (tenant, _) = await TenantAsync();

        var page = await hostAdmin.SubmitAndFollowAsync("/admin/settings", "/admin/settings/alpha.greeting/global", ("value", "hello-world"));
        Row(page, "alpha.greeting").ShouldContain("data-source=\"Global\"");
        Row(await tenant.GetStringAsync("/admin/settings"), "alpha.greeting").ShouldContain("<strong class=\"effective\">hello-world</strong>");

        page = await hostAdmin.SubmitAndFollowAsync("/admin/settings", "/admin/settings/alpha.greeting/global", ("clear", "true"));
        Row(page, "alpha.greeting").ShouldContain("data-source=\"Default\"");
    }

    [Fact]
    public async Task Should_show_each_setting_by_its_display_name_and_readable_type_in_chinese()
    {
        var (admin, _) = await TenantAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var row = Row(await admin.GetStringAsync("/admin/settings"), "crm.ui.page-size");

        row.ShouldContain("<strong class=\"setting-name\">每页行数</strong>");
        row.ShouldContain("<span class=\"muted setting-type\">整数 ·");
        row.ShouldContain("<code class=\"muted setting-key\">crm.ui.page-size</code>");
        row.ShouldNotContain(">Int ");
    }

    [Fact]
    public async Task Should_show_data_scopes_as_words_on_the_roles_page()
    {
        var (admin, _) = await TenantAsync();

        var english = await admin.GetStringAsync("/admin/roles");
        english.ShouldContain(">My unit and below</option>");
        english.ShouldNotContain(">MyUnitAndBelow<");

        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = await admin.GetStringAsync("/admin/roles");
        chinese.ShouldContain(">本部门及下级</option>");
        chinese.ShouldContain(">本部门</option>");
    }

    private static string Row(string html, string setting)
    {
        var start = html.IndexOf($"<tr id=\"setting-{setting}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"no row for {setting}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
