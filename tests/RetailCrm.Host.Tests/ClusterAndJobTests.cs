using System.Net;
using System.Net.Http.Json;

namespace RetailCrm.Host.Tests;

/// <summary>Several host instances over one PostgreSQL database, and jobs per tenant.</summary>
public sealed class ClusterAndJobTests
{
    private static readonly Dictionary<string, string> LongCache = new() { ["RetailCrm:CacheSeconds"] = "600" };

    [Fact]
    public async Task Should_see_a_module_switched_off_on_another_instance_at_once()
    {
        using var first = new CrmHostFactory(TestDatabase.Postgres, settings: LongCache);
        var name = Names.Tenant("cluster");
        var onFirst = await first.CreateTenantAsync(await first.SignedInClientAsync(), name);
        using var second = new CrmHostFactory(TestDatabase.Postgres, sharedPostgres: first.PostgresConnection, settings: LongCache);
        var onSecond = await second.SignedInClientAsync($"{name}.test");
        (await onSecond.GetAsync("/api/beta/received")).StatusCode.ShouldBe(HttpStatusCode.OK); // cached as on for 10 minutes

        (await onFirst.PutAsJsonAsync("/api/admin/modules/beta", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        await CrmHostFactory.EventuallyAsync(
            async () => (await onSecond.GetAsync("/api/beta/received")).StatusCode == HttpStatusCode.NotFound,
            "the second instance to see beta off", seconds: 5);
    }

    [Fact]
    public async Task Should_run_a_job_once_per_interval_whatever_the_number_of_instances()
    {
        using var first = new CrmHostFactory(TestDatabase.Postgres);
        var name = Names.Tenant("jobs");
        var client = await first.CreateTenantAsync(await first.SignedInClientAsync(), name);
        using var second = new CrmHostFactory(TestDatabase.Postgres, sharedPostgres: first.PostgresConnection);
        await second.SignedInClientAsync($"{name}.test"); // starts the second instance and its scheduler

        List<DateTime> runs = [];
        await CrmHostFactory.EventuallyAsync(async () =>
        {
            runs = (await client.GetFromJsonAsync<List<DateTime>>("/api/alpha/job-runs"))!;
            return runs.Count >= 4;
        }, "four runs of the job", seconds: 30);

        var gaps = runs.Zip(runs.Skip(1), (a, b) => b - a).ToList();
        gaps.ShouldAllBe(gap => gap >= TimeSpan.FromMilliseconds(900), $"runs: {string.Join(", ", runs.Select(r => r.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    [Fact]
    public async Task Should_run_a_job_only_while_its_module_is_on_for_the_tenant()
    {
        using var host = new CrmHostFactory();
        var client = await host.CreateTenantAsync(await host.SignedInClientAsync(), Names.Tenant("jobs"));
        foreach (var id in new[] { "beta", "json-plugin", "alpha" })
        {
            (await client.PutAsJsonAsync($"/api/admin/modules/{id}", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var switchedOff = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var switchedOn = DateTime.UtcNow;
        (await client.PutAsJsonAsync("/api/admin/modules/alpha", new { enabled = true })).StatusCode.ShouldBe(HttpStatusCode.OK);

        List<DateTime> runs = [];
        await CrmHostFactory.EventuallyAsync(async () =>
        {
            runs = (await client.GetFromJsonAsync<List<DateTime>>("/api/alpha/job-runs"))!;
            return runs.Any(run => run >= switchedOn);
        }, "the job to run once alpha is on");
        // A run already under way when alpha went off may finish; none may start while it is off.
        runs.Where(run => run > switchedOff.AddMilliseconds(500) && run < switchedOn).ShouldBeEmpty();
    }
}
