using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Host.Tests;

public abstract class ModuleToggleTests(CrmHostFactory factory)
{
    private async Task<HttpClient> NewTenantAsync()
    {
        var hostAdmin = await factory.SignedInClientAsync();
        return await factory.CreateTenantAsync(hostAdmin, Names.Tenant("toggle"));
    }

    [Fact]
    public async Task Should_list_installed_modules_with_versions_dependencies_and_state()
    {
        var client = await NewTenantAsync();

        var modules = await client.GetFromJsonAsync<JsonElement>("/api/admin/modules");

        var beta = modules.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "beta");
        beta.GetProperty("version").GetString().ShouldBe("1.0.0");
        beta.GetProperty("dependsOn").GetProperty("alpha").GetString().ShouldBe("^1.0.0");
        beta.GetProperty("enabled").GetBoolean().ShouldBeTrue();
        modules.EnumerateArray().Select(m => m.GetProperty("id").GetString()).ShouldContain("alpha");
    }

    [Fact]
    public async Task Should_refuse_to_disable_a_module_that_an_enabled_module_needs()
    {
        var client = await NewTenantAsync();

        var response = await client.PutAsJsonAsync("/api/admin/modules/alpha", new { enabled = false });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString()!.ShouldEndWith("module-toggle-refused");
        problem.GetProperty("detail").GetString()!.ShouldContain("'beta'");
        problem.GetProperty("detail").GetString()!.ShouldContain("'json-plugin'");
        (await client.GetAsync("/api/alpha/things")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_answer_404_for_a_disabled_module_and_show_its_data_again_when_enabled()
    {
        var client = await NewTenantAsync();
        (await client.PostAsJsonAsync("/api/alpha/things", new { name = "kept" })).EnsureSuccessStatusCode();

        (await client.PutAsJsonAsync("/api/admin/modules/beta", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync("/api/admin/modules/json-plugin", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PutAsJsonAsync("/api/admin/modules/alpha", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.GetAsync("/api/alpha/things")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/beta/received")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var home = await client.GetStringAsync("/");
        home.ShouldNotContain("data-menu-key=\"alpha.things\"");

        var enabled = await client.PutAsJsonAsync("/api/admin/modules/alpha", new { enabled = true });
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetStringAsync("/api/alpha/things")).ShouldContain("kept");
        (await client.GetStringAsync("/")).ShouldContain("data-menu-key=\"alpha.things\"");
    }

    [Fact]
    public async Task Should_enable_the_dependencies_of_a_module_that_is_switched_on()
    {
        var client = await NewTenantAsync();
        foreach (var id in new[] { "beta", "json-plugin", "alpha" })
        {
            (await client.PutAsJsonAsync($"/api/admin/modules/{id}", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var response = await client.PutAsJsonAsync("/api/admin/modules/beta", new { enabled = true });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("changed").EnumerateArray().Select(c => c.GetString()).ShouldBe(["alpha", "beta"]);
        (await client.GetAsync("/api/alpha/things")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_leave_other_tenants_untouched_by_a_toggle()
    {
        var first = await NewTenantAsync();
        var second = await NewTenantAsync();

        await first.PutAsJsonAsync("/api/admin/modules/beta", new { enabled = false });

        (await first.GetAsync("/api/beta/received")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await second.GetAsync("/api/beta/received")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_refuse_a_toggle_without_the_enabled_field_or_of_an_unknown_module()
    {
        var client = await NewTenantAsync();

        var missing = await client.PutAsJsonAsync("/api/admin/modules/alpha", new { });
        var unknown = await client.PutAsJsonAsync("/api/admin/modules/nope", new { enabled = true });

        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain("enabled");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class ModuleToggleTestsOnSqlite(SqliteHost host) : ModuleToggleTests(host.Factory), IClassFixture<SqliteHost>;

public sealed class ModuleToggleTestsOnPostgres(PostgresHost host) : ModuleToggleTests(host.Factory), IClassFixture<PostgresHost>;
