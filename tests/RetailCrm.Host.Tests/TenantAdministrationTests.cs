using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RetailCrm.Host.Tests.ProblemDetailsAssertions;

namespace RetailCrm.Host.Tests;

/// <summary>The platform operator's tenants: created, suspended and resumed on the API and on the tenants page, refusals at their fields.</summary>
public sealed class TenantAdministrationTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    private static async Task<JsonElement> TenantAsync(HttpClient hostAdmin, Func<JsonElement, bool> which) =>
        (await hostAdmin.GetFromJsonAsync<JsonElement>("/api/admin/tenants")).EnumerateArray().Single(which);

    private static Task<JsonElement> TenantAsync(HttpClient hostAdmin, string name) => TenantAsync(hostAdmin, t => t.GetProperty("name").GetString() == name);

    /// <summary>Signs in on the login page of localhost naming the tenant; answers the response (302 when in).</summary>
    private async Task<HttpResponseMessage> SignInNamingTenantAsync(string tenant, string password = CrmHostFactory.AdminPassword, string? language = null)
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return await client.SubmitAsync("/account/login", "/account/login", ("Tenant", tenant), ("UserName", "admin"), ("Password", password));
    }

    [Fact]
    public async Task Should_suspend_a_tenant_and_let_it_in_again_when_resumed_through_the_api()
    {
        var hostAdmin = await _factory.SignedInClientAsync();
        var name = Names.Tenant("suspend");
        var admin = await _factory.CreateTenantAsync(hostAdmin, name);
        var id = (await TenantAsync(hostAdmin, name)).GetProperty("id").GetGuid();

        var suspended = await hostAdmin.PutAsJsonAsync($"/api/admin/tenants/{id}/status", new { status = "Suspended" });

        suspended.StatusCode.ShouldBe(HttpStatusCode.OK, await suspended.Content.ReadAsStringAsync());
        (await suspended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Suspended");
        await ProblemAsync(await admin.GetAsync("/api/admin/modules"), HttpStatusCode.Forbidden, "tenant-suspended");
        using var visitor = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{name}.test") });
        await ProblemAsync(await visitor.GetAsync("/account/login"), HttpStatusCode.Forbidden, "tenant-suspended");
        (await SignInNamingTenantAsync(name)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var resumed = await hostAdmin.PutAsJsonAsync($"/api/admin/tenants/{id}/status", new { status = "Active" });

        resumed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/api/admin/modules")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await _factory.SignedInClientAsync($"{name}.test");
    }

    [Fact]
    public async Task Should_refuse_to_suspend_the_platform_tenant_or_an_unknown_one()
    {
        var hostAdmin = await _factory.SignedInClientAsync();
        var platform = (await TenantAsync(hostAdmin, t => t.GetProperty("isHost").GetBoolean())).GetProperty("id").GetGuid();

        var own = await hostAdmin.PutAsJsonAsync($"/api/admin/tenants/{platform}/status", new { status = "Suspended" });
        var unknown = await hostAdmin.PutAsJsonAsync($"/api/admin/tenants/{Guid.NewGuid()}/status", new { status = "Suspended" });

        (await ProblemAsync(own, HttpStatusCode.Conflict, "host-tenant")).GetProperty("detail").GetString().ShouldBe("The platform operator's own tenant cannot be suspended.");
        await ProblemAsync(unknown, HttpStatusCode.NotFound, "tenant-not-found");
        (await TenantAsync(hostAdmin, t => t.GetProperty("isHost").GetBoolean())).GetProperty("status").GetString().ShouldBe("Active");
    }

    [Fact]
    public async Task Should_refuse_a_tenant_whose_name_or_host_name_is_taken_naming_the_field()
    {
        var hostAdmin = await _factory.SignedInClientAsync();
        var name = Names.Tenant("taken");
        await _factory.CreateTenantAsync(hostAdmin, name);

        var sameName = await hostAdmin.PostAsJsonAsync("/api/admin/tenants", new { name, adminUserName = "admin", adminPassword = CrmHostFactory.AdminPassword });
        var sameHost = await hostAdmin.PostAsJsonAsync("/api/admin/tenants", new { name = Names.Tenant("other"), hostNames = new[] { $"{name.ToUpperInvariant()}.test" }, adminUserName = "admin", adminPassword = CrmHostFactory.AdminPassword });
        var blankName = await hostAdmin.PostAsJsonAsync("/api/admin/tenants", new { name = "  x  ", adminUserName = "admin", adminPassword = CrmHostFactory.AdminPassword });

        ErrorFields(await ProblemAsync(sameName, HttpStatusCode.Conflict, "tenant-exists")).ShouldBe(["name"]);
        var host = await ProblemAsync(sameHost, HttpStatusCode.Conflict, "tenant-host-taken");
        ErrorFields(host).ShouldBe(["hostNames"]);
        host.GetProperty("detail").GetString().ShouldBe($"The host name {name}.test belongs to another tenant.");
        ErrorFields(await ProblemAsync(blankName, HttpStatusCode.BadRequest, "tenant-name-required")).ShouldBe(["name"]);
    }

    [Fact]
    public async Task Should_suspend_and_resume_a_tenant_on_the_tenants_page_and_refuse_its_sign_in_in_chinese()
    {
        var hostAdmin = await _factory.SignedInClientAsync();
        var name = Names.Tenant("page");
        await _factory.CreateTenantAsync(hostAdmin, name);
        var id = (await TenantAsync(hostAdmin, name)).GetProperty("id").GetGuid();

        var page = await hostAdmin.SubmitAndFollowAsync("/admin/tenants", $"/admin/tenants/{id}/status");

        page.ShouldContain($"Suspended tenant {name}.");
        HtmlForms.Form(page, $"/admin/tenants/{id}/status").ShouldContain("Resume");
        var refused = await SignInNamingTenantAsync(name, language: "zh-CN");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var login = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        login.ShouldContain("<div class=\"alert error form-error\" role=\"alert\">租户不存在或已停用。</div>");
        login.ShouldContain($"value=\"{name}\"");

        (await hostAdmin.SubmitAndFollowAsync("/admin/tenants", $"/admin/tenants/{id}/status")).ShouldContain($"Resumed tenant {name}.");
        (await SignInNamingTenantAsync(name)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Should_create_a_tenant_on_the_tenants_page_and_show_a_refused_one_at_its_fields()
    {
        var hostAdmin = await _factory.SignedInClientAsync();
        var name = Names.Tenant("new");

        var created = await hostAdmin.SubmitAndFollowAsync("/admin/tenants", "/admin/tenants",
            ("name", name), ("hostNames", $"{name}.test"), ("adminUserName", "boss"), ("adminPassword", CrmHostFactory.AdminPassword));
        created.ShouldContain($"Created tenant {name}.");
        created.ShouldContain($"id=\"tenant-{name}\"");
        await _factory.SignedInClientAsync($"{name}.test", "boss");

        var taken = await hostAdmin.SubmitRefusedAsync("/admin/tenants", "/admin/tenants",
            ("name", name), ("hostNames", "elsewhere.test"), ("adminUserName", "boss"), ("adminPassword", CrmHostFactory.AdminPassword));
        var form = HtmlForms.Form(taken, "/admin/tenants");
        form.ShouldContain($"A tenant named '{name}' exists.");
        form.ShouldContain("value=\"elsewhere.test\"");
        form.ShouldNotContain(CrmHostFactory.AdminPassword);

        var weak = await hostAdmin.SubmitRefusedAsync("/admin/tenants", "/admin/tenants",
            ("name", Names.Tenant("weak")), ("hostNames", ""), ("adminUserName", "boss"), ("adminPassword", "short"));
        HtmlForms.Form(weak, "/admin/tenants").ShouldContain("<span class=\"field-error\" role=\"alert\">A password has 10 to 200 characters.</span>");
    }
}
