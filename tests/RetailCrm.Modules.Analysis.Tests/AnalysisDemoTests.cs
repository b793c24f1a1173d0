using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Analysis.Tests;

/// <summary>Demo mode gives the manager two years of shopping to look at: segments, a Pareto curve and a migration matrix that mean something.</summary>
public sealed class AnalysisDemoTests
{
    [Fact]
    public async Task Demo_data_fills_the_segments_the_pareto_curve_and_the_matrix()
    {
        var clock = Stopwatch.StartNew();
        using var demo = new CrmHostFactory(TestDatabase.Sqlite, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins, settings: new Dictionary<string, string> { ["RetailCrm:DemoData"] = "true" });
        var admin = await demo.SignedInClientAsync();
        var started = clock.Elapsed;

        var segments = await Shop.SegmentsAsync(admin);
        segments.Values.Sum().ShouldBeGreaterThan(55, $"started in {started}");
        segments.Count(s => s.Value > 0).ShouldBeGreaterThanOrEqualTo(7, string.Join(", ", segments));
        var matrix = (await admin.GetFromJsonAsync<JsonElement>("/api/analysis/matrix")).EnumerateArray().ToList();
        matrix.Count(c => c.GetProperty("from").ValueKind != JsonValueKind.Null && c.GetProperty("to").ValueKind != JsonValueKind.Null).ShouldBeGreaterThan(10);
        var pareto = await admin.GetFromJsonAsync<JsonElement>("/api/analysis/pareto");
        pareto.GetProperty("topShare").GetDecimal().ShouldBeInRange(35m, 90m);
    }
}
