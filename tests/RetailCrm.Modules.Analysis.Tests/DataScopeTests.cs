using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Analysis.Tests;

/// <summary>
/// A store manager (department supervisor of Store A) reads the analysis of his store only: segments, the migration
/// matrix, the customer lists and their export, the consumption by store; his actions reach his customers only; he may
/// neither recompute nor configure.
/// </summary>
public sealed class DataScopeTests(AnalysisHost host) : IClassFixture<AnalysisHost>
{
    private const string Password = "Store-Passw0rd!";

    [Fact]
    public async Task Should_show_a_store_manager_the_figures_and_customers_of_his_store_only()
    {
        var (name, admin) = await host.TenantAsync();
        var hq = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/organization-units")).EnumerateArray().Single().GetProperty("id").GetGuid();
        var storeA = await UnitAsync(admin, hq, "Store A", "SA");
        var storeB = await UnitAsync(admin, hq, "Store B", "SB");
        var now = DateTime.UtcNow;
        var inA = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var id = await Shop.CustomerAsync(admin, $"scope a {i}", $"136{i:D2}{Random.Shared.Next(100000, 999999)}", unitId: storeA);
            inA.Add(id);
            await Shop.PurchaseAsync(admin, id, $"A-{i}", now.AddDays(-10 - i), 10_000 * (i + 1), store: "SA");
        }

        for (var i = 0; i < 6; i++)
        {
            var id = await Shop.CustomerAsync(admin, $"scope b {i}", $"137{i:D2}{Random.Shared.Next(100000, 999999)}", unitId: storeB);
            await Shop.PurchaseAsync(admin, id, $"B-{i}", now.AddDays(-10 - i), 50_000, store: "SB");
        }

        await host.PurchasesArrivedAsync(name, 10);
        await Shop.RecomputeAsync(admin);
        var manager = await SignInAsync(admin, name, "store-a", storeA);

        (await Shop.SegmentsAsync(manager)).Values.Sum().ShouldBe(4);
        (await Shop.SegmentsAsync(admin)).Values.Sum().ShouldBe(10);
        var matrix = (await manager.GetFromJsonAsync<JsonElement>("/api/analysis/matrix")).EnumerateArray().ToList();
        matrix.Sum(c => c.GetProperty("customers").GetInt32()).ShouldBe(4);
        var customers = await Shop.CustomersAsync(manager, "pageSize=50");
        customers.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("customerId").GetGuid()).ShouldBe(inA, ignoreOrder: true);
        var csv = await manager.GetStringAsync("/api/analysis/customers/export.csv");
        csv.ShouldContain("scope a 0");
        csv.ShouldNotContain("scope b");
        var stores = await manager.GetFromJsonAsync<JsonElement>("/api/analysis/consumption?dimension=Store");
        stores.ToString().ShouldContain("SA");
        stores.ToString().ShouldNotContain("\"SB\"");

        var tagged = await manager.PostAsJsonAsync("/api/analysis/actions/tag", new { customers = new { }, tag = "store-a-thanks" });
        tagged.StatusCode.ShouldBe(HttpStatusCode.OK, await tagged.Content.ReadAsStringAsync());
        (await tagged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tagged").GetInt32().ShouldBe(4);

        (await manager.PostAsJsonAsync("/api/analysis/recomputes", new { rebuild = false })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var settings = await manager.GetFromJsonAsync<JsonElement>("/api/analysis/settings");
        (await manager.PutAsJsonAsync("/api/analysis/settings", settings)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<Guid> UnitAsync(HttpClient admin, Guid parentId, string unitName, string code)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/organization-units", new { parentId, name = unitName, code, kind = "Store" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<HttpClient> SignInAsync(HttpClient admin, string tenant, string userName, Guid unit)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/users",
            new { userName, displayName = userName, password = Password, roles = new[] { "department-supervisor" }, organizationUnitId = unit });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await host.Factory.SignedInClientAsync($"{tenant}.test", userName, Password);
    }
}
