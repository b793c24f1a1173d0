using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RetailCrm.Host.Tests.ProblemDetailsAssertions;

namespace RetailCrm.Host.Tests;

/// <summary>
/// One refusal, two faces: the admin pages show it translated at the field at fault (the form shown again, its
/// token released), the admin API answers it as problem details in English; forms post once.
/// </summary>
public sealed class AdminRefusalTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    private async Task<HttpClient> TenantAsync(string prefix) => await _factory.CreateTenantAsync(await _factory.SignedInClientAsync(), Names.Tenant(prefix));

    private static async Task<Guid> HeadOfficeAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/admin/organization-units")).EnumerateArray()
            .Single(u => u.GetProperty("code").GetString() == "HQ").GetProperty("id").GetGuid();

    [Fact]
    public async Task Should_show_a_taken_unit_code_in_chinese_at_its_field_and_answer_it_in_english_on_the_api()
    {
        var admin = await TenantAsync("zhunit");
        var hq = await HeadOfficeAsync(admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await admin.SubmitAsync("/admin/units", "/admin/units", ("parentId", hq.ToString()), ("name", "另一个总部"), ("code", "hq"), ("kind", "Region"));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var form = HtmlForms.Form(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), "/admin/units");
        form.ShouldContain("<span class=\"field-error\" role=\"alert\">编码“hq”已被使用。</span>");
        form.ShouldContain("value=\"另一个总部\"");
        form.ShouldContain("<option value=\"Region\" selected=\"selected\">区域</option>");

        var api = await admin.PostAsJsonAsync("/api/admin/organization-units", new { parentId = hq, name = "Another HQ", code = "hq", kind = "Region" });

        var problem = await ProblemAsync(api, HttpStatusCode.Conflict, "unit-code-taken");
        problem.GetProperty("detail").GetString().ShouldBe("The code 'hq' is taken.");
        problem.GetProperty("errors").GetProperty("code")[0].GetString().ShouldBe("The code 'hq' is taken.");
        (await api.Content.ReadAsStringAsync()).ShouldContain("\"detail\":\"The code 'hq' is taken.\"", customMessage: "written as MVC writes JSON: quotes as they are");
    }

    [Fact]
    public async Task Should_show_several_refused_fields_of_a_new_user_in_chinese()
    {
        var admin = await TenantAsync("zhuser");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var page = await admin.SubmitRefusedAsync("/admin/users", "/admin/users", ("userName", "x"), ("password", "short"), ("roles", "data-entry"));

        var form = HtmlForms.Form(page, "/admin/users");
        form.ShouldContain("用户名须为 2 到 100 个字母、数字或 . _ @ -。");
        form.ShouldContain("密码须为 10 到 200 个字符。");
        form.ShouldContain("value=\"x\"");
        form.ShouldContain("value=\"data-entry\" checked=\"checked\"");
    }

    [Fact]
    public async Task Should_show_a_refused_module_toggle_on_the_modules_page_and_the_done_one_as_a_notice()
    {
        var admin = await TenantAsync("toggle");

        var refused = await admin.SubmitAsync("/admin/modules", "/admin/modules/alpha");

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain(
            "<div class=\"alert error form-error\" role=\"alert\">&#x27;alpha&#x27; cannot be disabled: &#x27;beta&#x27;, &#x27;json-plugin&#x27; need it. Disable them first.</div>");
        var done = await admin.SubmitAndFollowAsync("/admin/modules", "/admin/modules/beta");
        done.ShouldMatch("<div class=\"alert ok\" role=\"status\" id=\"notice\"[^>]*>.*<span>Disabled: beta.</span></div>");
        done.ShouldNotContain("form-error");
    }

    [Fact]
    public async Task Should_carry_out_a_form_sent_twice_once()
    {
        var admin = await TenantAsync("twice");
        var hq = await HeadOfficeAsync(admin);
        var page = await admin.GetStringAsync("/admin/units");
        (string, string)[] fields = [("parentId", hq.ToString()), ("name", "Store Twice"), ("code", "TW"), ("kind", "Store")];

        var first = await admin.SubmitHtmlAsync(page, "/admin/units", fields);
        var again = await admin.SubmitHtmlAsync(page, "/admin/units", fields);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        again.Headers.Location.ShouldBe(first.Headers.Location);
        var shown = WebUtility.HtmlDecode(await admin.GetStringAsync(again.Headers.Location));
        shown.ShouldContain("This form was sent before; it was carried out once.");
        (await admin.GetFromJsonAsync<JsonElement>("/api/admin/organization-units")).EnumerateArray().Count(u => u.GetProperty("code").GetString() == "TW").ShouldBe(1);
    }

    [Fact]
    public async Task Should_refuse_a_wrong_password_on_the_sign_in_page_in_chinese()
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.SubmitAsync("/account/login", "/account/login", ("UserName", "admin"), ("Password", "not-the-password"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        page.ShouldContain("<div class=\"alert error form-error\" role=\"alert\">用户名或密码错误。</div>");
        page.ShouldContain("value=\"admin\"");
        page.ShouldNotContain("not-the-password");
    }

    [Fact]
    public async Task Should_refuse_an_api_key_with_a_permission_the_tenant_cannot_hold_and_revoke_only_a_key_it_has()
    {
        var admin = await TenantAsync("keys");

        var unknown = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "erp", permissions = new[] { "crm.admin.modules", "no.such.permission" } });
        var platform = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "erp", permissions = new[] { "crm.platform.tenants" } });

        var problem = await ProblemAsync(unknown, HttpStatusCode.BadRequest, "unknown-permission");
        problem.GetProperty("errors").GetProperty("permissions")[0].GetString().ShouldBe("Unknown or platform-only permission: no.such.permission.");
        await ProblemAsync(platform, HttpStatusCode.BadRequest, "unknown-permission");

        var created = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "erp", permissions = new[] { "crm.admin.modules" } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.DeleteAsync($"/api/admin/api-keys/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetFromJsonAsync<JsonElement>("/api/admin/api-keys")).EnumerateArray().Single().GetProperty("revokedAt").ValueKind.ShouldBe(JsonValueKind.String);
        await ProblemAsync(await admin.DeleteAsync($"/api/admin/api-keys/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "api-key-not-found");
    }

    [Fact]
    public async Task Should_refuse_an_unknown_setting_a_per_user_value_of_a_tenant_setting_and_an_unknown_delivery()
    {
        var admin = await TenantAsync("refuse");

        await ProblemAsync(await admin.PutAsJsonAsync("/api/admin/settings/no.such.setting", new { value = "1", scope = "Tenant" }), HttpStatusCode.NotFound, "setting-not-found");
        var perUser = await ProblemAsync(await admin.PutAsJsonAsync("/api/admin/settings/crm.theme.brand-name", new { value = "Mine", scope = "User" }), HttpStatusCode.BadRequest, "invalid-setting");
        perUser.GetProperty("errors").GetProperty("scope")[0].GetString().ShouldBe("crm.theme.brand-name cannot be set per user.");
        await ProblemAsync(await admin.PostAsync($"/api/admin/events/{Guid.NewGuid()}/retry", null), HttpStatusCode.NotFound, "delivery-not-found");
    }
}
