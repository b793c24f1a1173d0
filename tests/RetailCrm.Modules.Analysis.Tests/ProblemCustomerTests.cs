using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Analysis.Domain.Facts;
using RetailCrm.Modules.Analysis.Domain.Rfm;
using RetailCrm.Modules.Analysis.Infrastructure.Persistence;

namespace RetailCrm.Modules.Analysis.Tests;

/// <summary>Problem scores from the service module's complaints and from falling spend; a failed recompute leaves the results before it.</summary>
public sealed class ProblemCustomerTests(AnalysisHost host) : IClassFixture<AnalysisHost>
{
    [Fact]
    public async Task Should_raise_a_customers_problem_score_after_a_complaint_registered_in_service()
    {
        var (name, client) = await host.TenantAsync();
        var now = DateTime.UtcNow;
        var steady = await Shop.CustomerAsync(client, "Steady Buyer", "13812345670");
        await Shop.PurchaseAsync(client, steady, "PC-1", now.AddDays(-10), 20_000);
        await Shop.PurchaseAsync(client, steady, "PC-2", now.AddDays(-400), 20_000);
        var falling = await Shop.CustomerAsync(client, "Falling Buyer", "13812345671");
        await Shop.PurchaseAsync(client, falling, "PC-3", now.AddDays(-30), 5_000);
        await Shop.PurchaseAsync(client, falling, "PC-4", now.AddDays(-380), 90_000);
        await host.PurchasesArrivedAsync(name, 4);
        await Shop.RecomputeAsync(client);
        var before = await ScoreAsync(client, steady);
        before.GetProperty("problemScore").GetInt32().ShouldBe(0);
        var fall = await ScoreAsync(client, falling);
        fall.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldContain("FallingSpend");

        await Shop.ComplaintAsync(client, steady, "The fridge arrived broken");
        await CrmHostFactory.EventuallyAsync(
            async () => await host.Factory.InTenantAsync(name, s => s.GetRequiredService<AnalysisDbContext>().Set<TicketFact>().AnyAsync(t => t.CustomerId == steady && t.IsComplaint)),
            "the complaint reaches the analysis");
        await Shop.RecomputeAsync(client);

        var after = await ScoreAsync(client, steady);
        after.GetProperty("problemScore").GetInt32().ShouldBe(20);
        after.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldBe(["Complaints"]);
        var problems = await Shop.CustomersAsync(client, "problem=true");
        problems.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("customerId").GetGuid()).ShouldContain(falling);
    }

    [Fact]
    public async Task Should_keep_the_previous_results_when_a_recompute_fails()
    {
        var (name, client) = await host.TenantAsync();
        var customer = await Shop.CustomerAsync(client, "Kept Result", "13812345672");
        await Shop.PurchaseAsync(client, customer, "KR-1", DateTime.UtcNow.AddDays(-3), 30_000);
        await host.PurchasesArrivedAsync(name, 1);
        await Shop.RecomputeAsync(client);
        var segments = await Shop.SegmentsAsync(client);

        // A segment map the store cannot read (as a broken edit of the table would leave it) makes the next recompute fail.
        await host.Factory.InTenantAsync(name, async s =>
        {
            var db = s.GetRequiredService<AnalysisDbContext>();
            db.Set<AnalysisConfiguration>().Add(new AnalysisConfiguration { Id = Guid.NewGuid(), SegmentMapJson = "{not json" });
            return await db.SaveChangesAsync();
        });
        var failed = await Shop.RecomputeAsync(client, mustSucceed: false);
        failed.GetProperty("status").GetString().ShouldBe("Failed");
        failed.GetProperty("error").GetString().ShouldNotBeNullOrEmpty();

        (await Shop.SegmentsAsync(client)).ShouldBe(segments, "the results of the last successful recompute stay");
        (await Shop.CustomersAsync(client, "")).GetProperty("total").GetInt32().ShouldBe(1);
        var page = await client.GetStringAsync("/analysis");
        page.ShouldContain("recompute-failed");
    }

    private static async Task<JsonElement> ScoreAsync(HttpClient client, Guid customer)
    {
        var all = await Shop.CustomersAsync(client, "");
        return all.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("customerId").GetGuid() == customer);
    }
}
