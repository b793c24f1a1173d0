using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Analysis.Tests;

/// <summary>The installed modules on a fresh PostgreSQL database, shared by the PostgreSQL tests of the analysis.</summary>
public sealed class PostgresAnalysisHost : IDisposable
{
    public CrmHostFactory Factory { get; } = new(TestDatabase.Postgres, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins);

    public async Task<(string Name, HttpClient Client)> TenantAsync()
    {
        var name = Names.Tenant("analysis-pg");
        return (name, await Factory.CreateTenantAsync(await Factory.SignedInClientAsync(), name));
    }

    public void Dispose() => Factory.Dispose();
}

/// <summary>The analysis on PostgreSQL: the same figures as on SQLite, and one recompute per tenant when many ask at once.</summary>
public sealed class PostgresAnalysisTests(PostgresAnalysisHost host) : IClassFixture<PostgresAnalysisHost>
{
    [Fact]
    public async Task Should_compute_the_segments_and_the_matrix_on_postgresql()
    {
        var (name, client) = await host.TenantAsync();
        var (heavy, _) = await Shop.TwoYearsAsync(client, DateTime.UtcNow, "pg");
        await AnalysisHost.Arrived(host.Factory, name, 70);
        var run = await Shop.RecomputeAsync(client, rebuild: true);
        run.GetProperty("customers").GetInt32().ShouldBe(25);
        run.GetProperty("phaseTimings").GetString().ShouldNotBeNull().ShouldContain("Computing ");
        run.GetProperty("phaseTimings").GetString()!.ShouldContain("Writing ");

        (await Shop.SegmentsAsync(client))["Champions"].ShouldBe(5);
        var champions = await Shop.CustomersAsync(client, "segment=Champions");
        champions.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("customerId").GetGuid()).ShouldBe(heavy, ignoreOrder: true);
        var matrix = (await client.GetFromJsonAsync<JsonElement>("/api/analysis/matrix")).EnumerateArray().ToList();
        matrix.Sum(c => c.GetProperty("customers").GetInt32()).ShouldBe(25);
    }

    [Fact]
    public async Task Should_run_one_recompute_of_a_tenant_when_several_start_at_once()
    {
        var (_, client) = await host.TenantAsync();
        await Shop.FirstRecomputeEndedAsync(client);

        var starts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsJsonAsync("/api/analysis/recomputes", new { rebuild = false })));
        starts.Count(s => s.StatusCode == HttpStatusCode.Accepted).ShouldBe(1, string.Join(", ", starts.Select(s => s.StatusCode)));
        starts.Count(s => s.StatusCode == HttpStatusCode.Conflict).ShouldBe(5);
        await CrmHostFactory.EventuallyAsync(
            async () => (await client.GetFromJsonAsync<JsonElement>("/api/analysis/recomputes")).EnumerateArray().All(r => r.GetProperty("status").GetString() == "Succeeded"),
            "the one recompute succeeds");
    }
}
