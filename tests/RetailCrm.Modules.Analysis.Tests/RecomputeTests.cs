using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Analysis.Tests;

/// <summary>A recompute through the real host on SQLite: purchases recorded on members reach the analysis, and every figure opens the customers behind it.</summary>
public sealed class RecomputeTests(AnalysisHost host) : IClassFixture<AnalysisHost>
{
    [Fact]
    public async Task Should_score_segments_from_purchases_and_open_the_customers_behind_each_figure()
    {
        var (name, client) = await host.TenantAsync();
        var (heavy, light) = await Shop.TwoYearsAsync(client, DateTime.UtcNow, "seg");
        await host.PurchasesArrivedAsync(name, 70);

        var run = await Shop.RecomputeAsync(client);
        run.GetProperty("customers").GetInt32().ShouldBe(25, run.ToString());
        run.GetProperty("purchases").GetInt64().ShouldBe(5 * 6 + 20 + 20);

        var segments = await Shop.SegmentsAsync(client);
        segments.Values.Sum().ShouldBe(25, "every customer who bought in the window is in one segment");
        segments["Champions"].ShouldBe(5, "the five who buy most, most often and most lately");
        var champions = await Shop.CustomersAsync(client, "segment=Champions");
        champions.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("customerId").GetGuid()).ShouldBe(heavy, ignoreOrder: true);
        champions.GetProperty("items")[0].GetProperty("r").GetInt32().ShouldBe(5);

        // The Pareto view: the top fifth are the five heavy buyers, who bring most of the revenue.
        var pareto = await client.GetFromJsonAsync<JsonElement>("/api/analysis/pareto?top=20");
        pareto.GetProperty("topShare").GetDecimal().ShouldBeGreaterThan(80m);
        var top = await Shop.CustomersAsync(client, "top=20");
        top.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("customerId").GetGuid()).ShouldBe(heavy, ignoreOrder: true);

        // The migration matrix: the ten who spent 1,600 yuan in the window before sit in its high rows; each cell opens its customers.
        var matrix = (await client.GetFromJsonAsync<JsonElement>("/api/analysis/matrix")).EnumerateArray().ToList();
        matrix.Sum(c => c.GetProperty("customers").GetInt32()).ShouldBe(25);
        matrix.Where(c => c.GetProperty("from").ValueKind != JsonValueKind.Null).Sum(c => c.GetProperty("customers").GetInt32()).ShouldBe(10);
        foreach (var cell in matrix)
        {
            var from = cell.GetProperty("from").ValueKind == JsonValueKind.Null ? "none" : cell.GetProperty("from").GetString();
            var to = cell.GetProperty("to").ValueKind == JsonValueKind.Null ? "none" : cell.GetProperty("to").GetString();
            var behind = await Shop.CustomersAsync(client, $"from={from}&to={to}");
            behind.GetProperty("total").GetInt32().ShouldBe(cell.GetProperty("customers").GetInt32(), $"cell {from} → {to}");
        }

        // Dormant: the light buyers whose one purchase is more than 180 days old.
        var dormant = await Shop.CustomersAsync(client, "dormant=true");
        dormant.GetProperty("total").GetInt32().ShouldBe(light.Count(_ => true) - 11, "purchases 20 + 15 i days ago are older than 180 days from i = 11");
        dormant.GetProperty("items")[0].GetProperty("daysSinceLastPurchase").GetInt32().ShouldBeGreaterThan(180);

        // The customers behind a figure as a file.
        var csv = await client.GetAsync("/api/analysis/customers/export.csv?segment=Champions");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await csv.Content.ReadAsStringAsync();
        text.ShouldContain("seg heavy 0");
        text.ShouldNotContain("seg light");
        var xlsx = await client.GetAsync("/api/analysis/customers/export.xlsx?segment=Champions");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task Should_refuse_a_cell_that_is_neither_a_segment_nor_none()
    {
        var (_, client) = await host.TenantAsync();
        var response = await client.GetAsync("/api/analysis/customers?from=Heroes&to=Lost");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("from", out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task Should_open_the_list_behind_the_last_point_of_the_pareto_curve_but_quote_shares_below_it()
    {
        var (_, client) = await host.TenantAsync();
        (await client.GetAsync("/api/analysis/customers?top=100")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var refused in new[] { "/api/analysis/customers?top=101", "/api/analysis/pareto?top=100" })
        {
            var response = await client.GetAsync(refused);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, refused);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("top", out _).ShouldBeTrue(refused);
        }
    }

    [Fact]
    public async Task Should_refuse_a_second_recompute_while_one_runs()
    {
        var (name, client) = await host.TenantAsync();
        await Shop.FirstRecomputeEndedAsync(client);
        var first = await client.PostAsJsonAsync("/api/analysis/recomputes", new { rebuild = false });
        var second = await client.PostAsJsonAsync("/api/analysis/recomputes", new { rebuild = false });
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        second.StatusCode.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.Accepted);

        await CrmHostFactory.EventuallyAsync(async () =>
            (await client.GetFromJsonAsync<JsonElement>("/api/analysis/recomputes")).EnumerateArray().All(r => r.GetProperty("status").GetString() != "Running"),
            "the recomputes end");
        name.ShouldNotBeNull();
    }
}
