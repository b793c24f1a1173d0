using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RetailCrm.Modules.Analysis.Application.Configuration;
using RetailCrm.Modules.Analysis.Application.Engine;
using RetailCrm.Modules.Analysis.Application.Recompute;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Benchmarks;

/// <summary>
/// The analysis module's RFM over many purchases on PostgreSQL, in the real host: customers generated into the members
/// table and purchases into the analysis facts with INSERT ... SELECT, then (1) the module's load of the facts into
/// DuckDB with the appender (rows per second), (2) the module's computation on them against the plain RFM with three
/// NTILE scores written by hand in DuckDB SQL and in PostgreSQL SQL over the same rows, and (3) a whole recompute
/// through the module (customers from the members feed, facts, computation, results written back), with the
/// process's peak memory.
/// </summary>
internal static class AnalysisRfmBenchmark
{
    private const string HandDuckDb = """
        CREATE OR REPLACE TABLE hand AS
        SELECT customer_id, ntile(5) OVER (ORDER BY last_at) AS r, ntile(5) OVER (ORDER BY frequency) AS f, ntile(5) OVER (ORDER BY monetary) AS m
        FROM (SELECT customer_id, max(bought_at) AS last_at, count(*) AS frequency, sum(amount) AS monetary
              FROM purchases WHERE bought_at >= $start AND bought_at < $end GROUP BY customer_id)
        """;

    public static async Task<int> RunAsync(int purchases, int customers)
    {
        var server = Environment.GetEnvironmentVariable("RETAILCRM_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set RETAILCRM_TEST_POSTGRES (tools/bench.sh starts a throwaway PostgreSQL).");
        var database = "bench_analysis_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 3600 }.ConnectionString;
        var data = Path.Combine(Path.GetTempPath(), "retailcrm-bench-analysis-" + Guid.NewGuid().ToString("N"));
        using var factory = BenchClient.Host(data, new Dictionary<string, string> { ["ConnectionStrings:RetailCrm"] = connection });
        await BenchClient.SignInAsync(factory);
        var tenantId = await ScalarAsync<Guid>(connection, "SELECT \"Id\" FROM crm.tenants WHERE \"Name\" = 'default'");
        await WaitForTheFirstRecomputeAsync(connection);

        var fill = Stopwatch.StartNew();
        await FillAsync(connection, tenantId, purchases, customers);
        Console.WriteLine($"generated {customers:N0} customers and {purchases:N0} purchases (two years) in {fill.Elapsed.TotalSeconds:0.0} s");

        using var tenantScope = factory.Services.GetRequiredService<ICurrentTenant>().Change(tenantId, "default");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        double load, module, handDuck;
        using (var scope = factory.Services.CreateScope())
        {
            var loader = scope.ServiceProvider.GetRequiredService<FactLoader>();
            var configuration = await scope.ServiceProvider.GetRequiredService<AnalysisSettings>().GetAsync(CancellationToken.None);
            var (start, end, previousStart) = configuration.Windows(today);
            using var store = new AnalyticalStore();
            var clock = Stopwatch.StartNew();
            await loader.LoadCustomersAsync(store, _ => { }, CancellationToken.None);
            var customersLoaded = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var loaded = await loader.LoadPurchasesAsync(store, _ => { }, CancellationToken.None);
            load = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"load into the column engine: {loaded:N0} purchases in {load:0.00} s = {loaded / load:N0} rows/s (customers from the members feed: {customersLoaded:0.00} s)");

            clock.Restart();
            store.Execute(HandDuckDb, ("start", start), ("end", end));
            handDuck = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var computation = new RfmComputation(store);
            var parameters = new RfmParameters(start, end, previousStart, configuration.RecencyWeight, configuration.FrequencyWeight,
                configuration.MonetaryWeight, configuration.DormantDays, AnalysisSettings.MapOf(configuration));
            computation.ScoreWindow(parameters);
            module = clock.Elapsed.TotalSeconds;
            clock.Restart();
            computation.ScoreTheRest(parameters);
            var rest = clock.Elapsed.TotalSeconds;

            // The hand-written query again, now that the engine is warm: the better of its two runs is the figure.
            clock.Restart();
            store.Execute(HandDuckDb, ("start", start), ("end", end));
            handDuck = Math.Min(handDuck, clock.Elapsed.TotalSeconds);
            var handPg = await HandPostgresAsync(connection, tenantId, start, end);
            Console.WriteLine($"RFM, hand-written DuckDB SQL (three NTILE scores, best of two): {handDuck:0.00} s");
            Console.WriteLine($"RFM, hand-written PostgreSQL SQL (the same):        {handPg:0.00} s");
            Console.WriteLine($"RFM, the module's window scores on DuckDB (the same, with returns counted apart): {module:0.00} s");
            Console.WriteLine($"ratio module / hand-written DuckDB: {module / handDuck:0.00} (goal <= 1.2)");
            Console.WriteLine($"ratio module / hand-written PostgreSQL: {module / handPg:0.00}");
            Console.WriteLine($"the rest of the module's computation (previous window, last purchase ever, segments, problem scores): {rest:0.00} s");
            Console.WriteLine($"whole computation / hand-written DuckDB: {(module + rest) / handDuck:0.00}");
        }

        using (var scope = factory.Services.CreateScope())
        {
            var clock = Stopwatch.StartNew();
            var run = await scope.ServiceProvider.GetRequiredService<Recomputes>().RunAsync(rebuild: false, "bench", CancellationToken.None)
                ?? throw new InvalidOperationException("Another recompute held the lease.");
            var total = clock.Elapsed.TotalSeconds;
            if (run.Error is not null)
            {
                throw new InvalidOperationException("The recompute failed: " + run.Error);
            }

            Console.WriteLine($"whole recompute through the module (feed, load, compute, write back {run.Customers:N0} scores): {total:0.0} s");
            Console.WriteLine($"ratio whole recompute / hand-written DuckDB RFM: {total / handDuck:0.0}");
            Console.WriteLine($"its phases: {run.PhaseTimings}");
        }

        Console.WriteLine($"peak memory of the host process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MiB");
        factory.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }

        return 0;
    }

    /// <summary>The first scheduled recompute of the new tenant ends before the data is written (its lease would stop the benchmark's).</summary>
    private static async Task WaitForTheFirstRecomputeAsync(string connection)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await ScalarAsync<long>(connection, "SELECT count(*) FROM analysis.recompute_runs WHERE \"Status\" = 'Running'") == 0
                && await ScalarAsync<long>(connection, "SELECT count(*) FROM analysis.states WHERE \"RebuiltAt\" IS NOT NULL") > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The tenant's first recompute did not end.");
    }

    private static async Task FillAsync(string connection, Guid tenant, int purchases, int customers)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        var t = $"'{tenant}'::uuid";
        await Execute(db, $"""
            INSERT INTO members.customers ("Id", "TenantId", "Code", "Kind", "Status", "DisplayName", "NameKey", "NameInitials", "LifecycleClass", "MarketingConsent",
                "CreatedAt", "UpdatedAt", "PurchaseCount", "PurchaseTotal", "Version", "Phone")
            SELECT md5('c' || g)::uuid, {t}, 'B' || lpad(g::text, 9, '0'), 0, 0, 'Bench customer ' || g, 'benchcustomer' || g, 'BC', 4, g % 3 <> 0,
                now(), now(), 0, 0, 1, '+86139' || lpad(g::text, 8, '0')
            FROM generate_series(1, {customers}) AS g
            """);
        // Purchases: each customer has a habit (how often and how much), two years of dates, a few returns.
        await Execute(db, $"""
            INSERT INTO analysis.purchase_facts ("Id", "TenantId", "CustomerId", "StoreCode", "ReceiptId", "PurchasedAt", "Amount")
            SELECT md5('p' || g)::uuid, {t}, md5('c' || (1 + (g::bigint * 7919) % {customers}))::uuid, 'S' || (g % 40),
                'R' || g, now() - make_interval(mins => ((g::bigint * 104729) % (730 * 1440))::int),
                CASE WHEN g % 50 = 0 THEN -2000 ELSE 1000 + (g::bigint * 31337) % 200000 END
            FROM generate_series(1, {purchases}) AS g
            """);
        await Execute(db, "VACUUM ANALYZE members.customers");
        await Execute(db, "VACUUM ANALYZE analysis.purchase_facts");
    }

    private static async Task<double> HandPostgresAsync(string connection, Guid tenant, DateTime start, DateTime end)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        var clock = Stopwatch.StartNew();
        await using var command = new NpgsqlCommand("""
            CREATE TEMP TABLE hand AS
            SELECT "CustomerId", ntile(5) OVER (ORDER BY last_at) AS r, ntile(5) OVER (ORDER BY frequency) AS f, ntile(5) OVER (ORDER BY monetary) AS m
            FROM (SELECT "CustomerId", max("PurchasedAt") AS last_at, count(*) AS frequency, sum("Amount") AS monetary
                  FROM analysis.purchase_facts WHERE "TenantId" = @t AND "PurchasedAt" >= @start AND "PurchasedAt" < @end GROUP BY "CustomerId") x
            """, db);
        command.Parameters.AddWithValue("t", tenant);
        command.Parameters.AddWithValue("start", start);
        command.Parameters.AddWithValue("end", end);
        await command.ExecuteNonQueryAsync();
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task Execute(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 3600 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }
}
