using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Host.Tests;

public abstract class TenancyTests(CrmHostFactory factory)
{
    [Fact]
    public async Task Should_never_show_one_tenants_rows_to_another()
    {
        var hostAdmin = await factory.SignedInClientAsync();
        var a = await factory.CreateTenantAsync(hostAdmin, Names.Tenant("a"));
        var b = await factory.CreateTenantAsync(hostAdmin, Names.Tenant("b"));

        (await a.PostAsJsonAsync("/api/alpha/things", new { name = "secret-of-a" })).EnsureSuccessStatusCode();

        (await a.GetStringAsync("/api/alpha/things")).ShouldContain("secret-of-a");
        (await b.GetStringAsync("/api/alpha/things")).ShouldNotContain("secret-of-a");
        (await b.GetStringAsync("/api/admin/audit")).ShouldNotContain("secret-of-a");
    }

    [Fact]
    public async Task Should_ignore_the_tenant_header_of_a_signed_in_user()
    {
        var hostAdmin = await factory.SignedInClientAsync();
        var nameA = Names.Tenant("a");
        var a = await factory.CreateTenantAsync(hostAdmin, nameA);
        var b = await factory.CreateTenantAsync(hostAdmin, Names.Tenant("b"));
        (await a.PostAsJsonAsync("/api/alpha/things", new { name = "only-a" })).EnsureSuccessStatusCode();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/alpha/things");
        request.Headers.Add("X-Tenant", nameA);
        var response = await b.SendAsync(request);

        (await response.Content.ReadAsStringAsync()).ShouldNotContain("only-a");
    }

    [Fact]
    public async Task Should_refuse_a_write_to_a_row_of_another_tenant()
    {
        var hostAdmin = await factory.SignedInClientAsync();
        var nameA = Names.Tenant("a");
        var nameB = Names.Tenant("b");
        await factory.CreateTenantAsync(hostAdmin, nameA);
        await factory.CreateTenantAsync(hostAdmin, nameB);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => factory.InTenantAsync(nameB, async services =>
        {
            var db = services.GetRequiredService<KernelDbContext>();
            var tenantA = await db.Tenants.SingleAsync(t => t.Name == nameA);
            var userOfA = await db.Users.IgnoreQueryFilters().FirstAsync(u => u.TenantId == tenantA.Id);
            userOfA.DisplayName = "hijacked";
            return await db.SaveChangesAsync();
        }));

        error.Message.ShouldContain("another tenant");
    }

    [Fact]
    public async Task Should_refuse_an_unknown_tenant_named_in_the_header()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/modules");
        request.Headers.Add("X-Tenant", "no-such-tenant");

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString()!.ShouldEndWith("unknown-tenant");
    }

    [Fact]
    public async Task Should_bind_an_api_key_to_its_tenant_and_permissions()
    {
        var hostAdmin = await factory.SignedInClientAsync();
        var name = Names.Tenant("keys");
        var admin = await factory.CreateTenantAsync(hostAdmin, name);
        (await admin.PostAsJsonAsync("/api/alpha/things", new { name = "seen-by-key" })).EnsureSuccessStatusCode();
        var created = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "erp", permissions = new[] { "crm.admin.modules" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;

        using var client = factory.CreateClient(); // localhost = the default tenant; the key's tenant must win
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        (await client.GetStringAsync("/api/alpha/things")).ShouldContain("seen-by-key");
        (await client.GetAsync("/api/admin/modules")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/api/admin/users")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        // Another last character, always: replacing the end with a fixed "00" gave the real key back when it ended so.
        client.DefaultRequestHeaders.Add("X-Api-Key", key[..^1] + (key[^1] == '0' ? '1' : '0'));
        (await client.GetAsync("/api/admin/modules")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class TenancyTestsOnSqlite(SqliteHost host) : TenancyTests(host.Factory), IClassFixture<SqliteHost>;

public sealed class TenancyTestsOnPostgres(PostgresHost host) : TenancyTests(host.Factory), IClassFixture<PostgresHost>;
