using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RetailCrm.Kernel.Modularity;

namespace RetailCrm.Host.Tests;

public sealed class PluginAndStartupTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    private readonly CrmHostFactory _factory = host.Factory;

    [Fact]
    public async Task Should_report_failed_plugins_and_keep_serving()
    {
        var client = await _factory.SignedInClientAsync();

        var plugins = (await client.GetFromJsonAsync<JsonElement>("/api/admin/plugins")).EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);

        plugins["json-plugin"].GetProperty("state").GetString().ShouldBe("Loaded");
        plugins["failing-plugin"].GetProperty("state").GetString().ShouldBe("Failed");
        plugins["failing-plugin"].GetProperty("error").GetString()!.ShouldContain("InitializeAsync");
        plugins["broken-plugin"].GetProperty("state").GetString().ShouldBe("Failed");
        plugins["broken-plugin"].GetProperty("error").GetString()!.ShouldContain("Sdk");
        (await client.GetStringAsync("/admin/plugins")).ShouldContain("failing-plugin");
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Degraded");
        (await client.GetAsync("/api/alpha/things")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_let_a_plugin_use_its_own_version_of_a_library_the_host_also_uses()
    {
        var client = await _factory.SignedInClientAsync();

        var answer = await client.GetFromJsonAsync<JsonElement>("/api/json-plugin/version");

        answer.GetProperty("newtonsoftVersion").GetString()!.ShouldStartWith("12.");
        typeof(Newtonsoft.Json.JsonConvert).Assembly.GetName().Version!.Major.ShouldBe(13);
    }

    [Fact]
    public async Task Should_serve_liveness_openapi_and_problem_details_for_unknown_api_paths()
    {
        using var client = _factory.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var openApi = await client.GetStringAsync("/api/docs/v1/openapi.json");
        openApi.ShouldContain("/api/admin/modules");
        openApi.ShouldContain("/api/alpha/things");
        var missing = await client.GetAsync("/api/nothing-here");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var anonymous = await client.GetAsync("/api/admin/modules");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonymous.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Should_lock_an_account_out_after_repeated_wrong_passwords()
    {
        var admin = await _factory.SignedInClientAsync();
        (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "target", displayName = "T", password = "Right-Passw0rd!", roles = new[] { "manager" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        for (var i = 0; i < 5; i++)
        {
            await Should.ThrowAsync<InvalidOperationException>(() => _factory.SignedInClientAsync(userName: "target", password: "wrong"));
        }

        await Should.ThrowAsync<InvalidOperationException>(() => _factory.SignedInClientAsync(userName: "target", password: "Right-Passw0rd!"));
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users");
        users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "target").GetProperty("lockedOut").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void Should_refuse_to_start_with_a_broken_module_graph_naming_every_problem()
    {
        var modules = Path.Combine(Path.GetTempPath(), "retailcrm-broken-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(Path.Combine(CrmHostFactory.SamplesModulesPath, "beta"), Path.Combine(modules, "beta"));
        using var factory = new BrokenGraphFactory(modules);

        var error = Should.Throw<ModuleGraphException>(() => factory.CreateClient());

        error.Problems.ShouldContain(p => p.Contains("'beta' depends on 'alpha'") && p.Contains("not installed"));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed class BrokenGraphFactory(string modulesPath) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("RetailCrm:ModulesPath", modulesPath);
            builder.UseSetting("RetailCrm:DataPath", Path.Combine(modulesPath, "data"));
        }
    }
}
