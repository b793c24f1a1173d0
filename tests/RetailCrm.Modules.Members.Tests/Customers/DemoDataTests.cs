using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Members.Tests.Customers;

public sealed class DemoDataTests(MembersHost host) : IClassFixture<MembersHost>
{
    [Fact]
    public async Task Should_fill_a_tenant_with_demo_customers_once()
    {
        var factory = host.Factory;
        var client = await factory.CreateTenantAsync(await factory.SignedInClientAsync(), Names.Tenant("demo"));

        (await client.PostAsync("/api/admin/demo-data", null)).EnsureSuccessStatusCode();
        var first = (await client.GetFromJsonAsync<JsonElement>("/api/members/customers?tag=demo")).GetProperty("total").GetInt32();
        (await client.PostAsync("/api/admin/demo-data", null)).EnsureSuccessStatusCode();
        var second = (await client.GetFromJsonAsync<JsonElement>("/api/members/customers?tag=demo")).GetProperty("total").GetInt32();

        first.ShouldBeGreaterThanOrEqualTo(8);
        second.ShouldBe(first);
        (await client.GetFromJsonAsync<JsonElement>("/api/members/customers?term=13800138000")).GetProperty("total").GetInt32().ShouldBe(2);
    }
}
