using System.Net.Http.Json;
using System.Text.Json;
using RetailCrm.Sdk.DemoData;

namespace RetailCrm.Modules.Sales.Tests;

/// <summary>Demo mode gives the demo sales person a pipeline to try: six deals across the stages, one idle, one won, one lost, once.</summary>
public sealed class SalesDemoTests
{
    [Fact]
    public async Task Demo_data_gives_the_demo_sales_person_six_deals_across_the_stages_once()
    {
        using var demo = new CrmHostFactory(TestDatabase.Sqlite, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins, settings: new Dictionary<string, string> { ["RetailCrm:DemoData"] = "true" });
        var admin = await demo.SignedInClientAsync();

        var board = (await admin.GetFromJsonAsync<JsonElement[]>("/api/sales/board"))!;
        await demo.InTenantAsync("default", async services =>
        {
            foreach (var contributor in services.GetServices<IDemoDataContributor>().Where(c => c.GetType().Name == "SalesDemoData"))
            {
                await contributor.SeedAsync(CancellationToken.None);
            }

            return true;
        });
        var again = (await admin.GetFromJsonAsync<JsonElement[]>("/api/sales/board"))!;
        var users = await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/users");

        var open = board.SelectMany(c => c.GetProperty("opportunities").EnumerateArray()).ToList();
        open.Count.ShouldBe(4);
        again.Sum(c => c.GetProperty("count").GetInt32()).ShouldBe(4);
        var seller = users!.Single(u => u.GetProperty("userName").GetString() == "sales-person").GetProperty("id").GetGuid();
        open.ShouldAllBe(o => o.GetProperty("ownerUserId").GetGuid() == seller);
        open.Count(o => o.GetProperty("rotting").GetBoolean()).ShouldBe(1);
        board.Count(c => c.GetProperty("count").GetInt32() > 0).ShouldBe(4);
        (await admin.GetFromJsonAsync<JsonElement[]>("/api/sales/products"))!.Length.ShouldBe(5);
        var range = $"from={DateTime.UtcNow.AddDays(-30):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}";
        var performance = (await admin.GetFromJsonAsync<JsonElement[]>($"/api/sales/performance?{range}"))!.Single(p => p.GetProperty("userId").GetGuid() == seller);
        (performance.GetProperty("won").GetInt32(), performance.GetProperty("lost").GetInt32(), performance.GetProperty("winRate").GetDouble()).ShouldBe((1, 1, 50.0));
    }
}
