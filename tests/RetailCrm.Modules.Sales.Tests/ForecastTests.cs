using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RetailCrm.Modules.Sales.Tests.SalesKit;

namespace RetailCrm.Modules.Sales.Tests;

/// <summary>The forecast (won, commit, best case, weighted by month and quarter) and per-person performance, on Monday 2026-12-07.</summary>
public sealed class ForecastTests(SalesClockHost host) : IClassFixture<SalesClockHost>
{
    private const long Deal = 180_000;

    [Fact]
    public async Task Forecast_counts_won_commit_best_case_and_weighted_per_month_and_quarter_and_performance_follows_wins_and_losses()
    {
        host.Clock.Set(SalesClockHost.MondayNine);
        var team = await host.TeamAsync();
        var pipeline = await PipelineAsync(team.Seller);
        await DescribeAsync(team.Seller, await OpenDealAsync(team.Seller), new { expectedCloseDate = "2026-12-20", forecastCategory = "Commit" });
        await DescribeAsync(team.Seller, await OpenDealAsync(team.Seller), new { expectedCloseDate = "2027-01-15", forecastCategory = "BestCase" });
        var undated = await OpenDealAsync(team.Seller);
        await DescribeAsync(team.Seller, await OpenDealAsync(team.Seller), new { expectedCloseDate = "2026-12-10", forecastCategory = "Omitted" });
        await WinThroughGateAsync(team, pipeline, await OpenDealAsync(team.Seller));

        var months = await team.Supervisor.GetFromJsonAsync<JsonElement>("/api/sales/forecast?period=month&from=2026-12-01&count=2");

        var buckets = months.GetProperty("buckets");
        buckets.EnumerateArray().Select(b => b.GetProperty("key").GetString()).ShouldBe(["2026-12", "2027-01"]);
        Figures(buckets[0]).ShouldBe((Deal, 2 * Deal, 2 * Deal, Deal + (Deal * 5 / 100), Deal));
        Figures(buckets[1]).ShouldBe((0L, 0L, Deal, Deal * 5 / 100, Deal));
        Figures(months.GetProperty("undated")).ShouldBe((0L, 0L, 0L, Deal * 5 / 100, Deal));
        var row = months.GetProperty("rows").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("id").GetGuid().ShouldBe(team.SellerId);
        row.GetProperty("figures").GetProperty("won").GetInt64().ShouldBe(Deal);
        var quarter = await team.Seller.GetFromJsonAsync<JsonElement>("/api/sales/forecast?period=quarter&count=1&groupBy=unit");
        quarter.GetProperty("buckets")[0].GetProperty("key").GetString().ShouldBe("2026-Q4");
        Figures(quarter.GetProperty("buckets")[0]).ShouldBe(Figures(buckets[0]));
        quarter.GetProperty("rows")[0].GetProperty("name").GetString().ShouldBe("Key accounts");

        var lost = await team.Seller.PostAsJsonAsync($"/api/sales/opportunities/{undated.GetProperty("id").GetGuid()}/lose", new { version = undated.GetProperty("version").GetInt32(), reason = "Price" });
        lost.StatusCode.ShouldBe(HttpStatusCode.OK, await lost.Content.ReadAsStringAsync());
        var performance = await team.Supervisor.GetFromJsonAsync<JsonElement[]>("/api/sales/performance");
        var seller = performance!.Single(p => p.GetProperty("userId").GetGuid() == team.SellerId);
        seller.GetProperty("openDeals").GetInt32().ShouldBe(3);
        seller.GetProperty("pipelineValue").GetInt64().ShouldBe(3 * Deal);
        seller.GetProperty("won").GetInt32().ShouldBe(1);
        seller.GetProperty("wonAmount").GetInt64().ShouldBe(Deal);
        seller.GetProperty("lost").GetInt32().ShouldBe(1);
        seller.GetProperty("winRate").GetDouble().ShouldBe(50);
        seller.GetProperty("cycleDays").GetDouble().ShouldBe(0);
        seller.GetProperty("activities").GetInt32().ShouldBe(2);
        seller.GetProperty("visits").GetInt32().ShouldBe(1);
        (await team.Seller.GetFromJsonAsync<JsonElement[]>("/api/sales/performance"))!.ShouldHaveSingleItem().GetProperty("userId").GetGuid().ShouldBe(team.SellerId);
    }

    [Fact]
    public async Task Forecast_and_performance_refuse_a_range_they_cannot_give()
    {
        var team = await host.TeamAsync();

        var none = await team.Seller.GetAsync("/api/sales/forecast?count=0");
        var week = await team.Seller.GetAsync("/api/sales/forecast?period=week");
        var backwards = await team.Seller.GetAsync("/api/sales/performance?from=2026-12-01&to=2026-11-01");

        none.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(none)).GetProperty("errors").GetProperty("count").GetArrayLength().ShouldBe(1);
        week.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(week)).GetProperty("errors").EnumerateObject().ShouldContain(e => e.Name == "period");
        (await ProblemAsync(backwards)).GetProperty("errors").GetProperty("to").GetArrayLength().ShouldBe(1);
    }

    private static (long Won, long Commit, long BestCase, long Weighted, long Pipeline) Figures(JsonElement holder)
    {
        var f = holder.TryGetProperty("figures", out var inner) ? inner : holder;
        return (f.GetProperty("won").GetInt64(), f.GetProperty("commit").GetInt64(), f.GetProperty("bestCase").GetInt64(), f.GetProperty("weighted").GetInt64(), f.GetProperty("pipeline").GetInt64());
    }
}
