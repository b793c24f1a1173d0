using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using RetailCrm.Testing;

namespace RetailCrm.Benchmarks;

/// <summary>
/// The sales board and forecast with many open deals on PostgreSQL, and stage moves under concurrent sales people:
/// the real host over HTTP (in-memory server) on a database of its own in RETAILCRM_TEST_POSTGRES. The deals are
/// written straight into the module's table with one INSERT ... SELECT (spread over the eight stages, twelve close
/// months and the four forecast categories, a tenth more already won), the board's stage totals counted from them as the module's migration does, then
/// vacuumed and analysed. Each read is timed
/// 200 times after a warm-up; the moves are 16 signed-in sales people each moving his own deals between the first two
/// stages for a fixed number of rounds, every move a real check of exit criteria and version.
/// </summary>
internal static class SalesPipelineBenchmark
{
    private const int Rounds = 200;
    private const int Sellers = 16;
    private const int MovesPerSeller = 150;
    private const int DealsPerSeller = 20;
    private const string SellerPassword = "Seller-Bench-Passw0rd!";
    private static readonly string[] SellerRoles = ["sales-person"];

    public static async Task<int> RunAsync(int deals)
    {
        var server = Environment.GetEnvironmentVariable("RETAILCRM_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set RETAILCRM_TEST_POSTGRES (tools/bench.sh starts a throwaway PostgreSQL).");
        var database = "bench_sales_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var data = Path.Combine(Path.GetTempPath(), "retailcrm-bench-sales-" + Guid.NewGuid().ToString("N"));
        using var factory = BenchClient.Host(data, new Dictionary<string, string> { ["ConnectionStrings:RetailCrm"] = connection });
        var client = await BenchClient.SignInAsync(factory);
        var pipeline = (await client.GetFromJsonAsync<JsonElement[]>("/api/sales/pipelines"))!.Single();
        var stages = pipeline.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToArray();
        var sellers = new List<(Guid Id, HttpClient Client)>();
        for (var i = 0; i < Sellers; i++)
        {
            var created = await client.PostAsJsonAsync("/api/admin/users", new { userName = $"seller{i}", displayName = $"Seller {i}", password = SellerPassword, roles = SellerRoles });
            if (created.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Creating a sales person failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            }

            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            sellers.Add((id, await SignIn.ClientAsync(factory, "localhost", $"seller{i}", SellerPassword, TimeSpan.FromMinutes(10))));
        }

        var fill = Stopwatch.StartNew();
        await FillAsync(connection, deals, pipeline.GetProperty("id").GetGuid(), stages, [.. sellers.Select(s => s.Id)]);
        Console.WriteLine($"sales pipeline, {deals:N0} open deals on PostgreSQL (written and analysed in {fill.Elapsed.TotalSeconds:F0} s), real host over HTTP, {Rounds} requests each");
        await BenchClient.MeasureAsync(client, "board API (one pipeline, 20 deals per stage)", "/api/sales/board");
        await BenchClient.MeasureAsync(client, "board page (HTML)", "/sales");
        await BenchClient.MeasureAsync(client, "forecast API (6 months, per person)", "/api/sales/forecast?period=Month&count=6");
        await BenchClient.MeasureAsync(client, "forecast API (4 quarters, per unit)", "/api/sales/forecast?period=Quarter&count=4&groupBy=Unit");
        await BenchClient.MeasureAsync(client, "forecast page (HTML, charts and performance)", "/sales/forecast");
        await BenchClient.MeasureAsync(client, "deals list page (HTML, open, page 1)", "/sales/list");
        Latencies.PrintLoad();
        await MovesAsync(sellers, stages);
        return 0;
    }


    /// <summary>Every seller at once moves his deals one after the other between the first and second stage; each move sends the version it read last.</summary>
    private static async Task MovesAsync(IReadOnlyList<(Guid Id, HttpClient Client)> sellers, Guid[] stages)
    {
        var times = new Latencies($"stage move, {Sellers} sales people at once");
        var gate = new object();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(sellers.Select(async seller =>
        {
            var board = (await seller.Client.GetFromJsonAsync<JsonElement[]>("/api/sales/board"))!;
            var mine = board.SelectMany(c => c.GetProperty("opportunities").EnumerateArray())
                .Select(o => (Id: o.GetProperty("id").GetGuid(), Version: o.GetProperty("version").GetInt32(), Stage: o.GetProperty("stageId").GetGuid())).ToList();
            for (var i = 0; i < MovesPerSeller; i++)
            {
                var deal = mine[i % mine.Count];
                var target = deal.Stage == stages[0] ? stages[1] : stages[0];
                var started = Stopwatch.GetTimestamp();
                var response = await seller.Client.PostAsJsonAsync($"/api/sales/opportunities/{deal.Id}/move", new { version = deal.Version, stageId = target });
                var moved = await response.Content.ReadFromJsonAsync<JsonElement>();
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"A move failed: {(int)response.StatusCode} {moved}");
                }

                mine[i % mine.Count] = (deal.Id, moved.GetProperty("opportunity").GetProperty("version").GetInt32(), target);
                lock (gate)
                {
                    times.Add(elapsed);
                }
            }
        }));
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  stage moves: {times.Count:N0} in {watch.Elapsed.TotalSeconds:F1} s = {times.Count / watch.Elapsed.TotalSeconds:F0} moves/s"));
        times.Print(0.50, 0.95, 0.99);
        Latencies.PrintLoad();
    }

    /// <summary>
    /// The open deals of the admin's tenant over the eight stages, owners among the sellers, close dates over the next
    /// twelve months, categories on their own stride; a tenth as many won in the last six months; and each seller's
    /// own deals to move, in the first stage.
    /// </summary>
    private static async Task FillAsync(string connection, int count, Guid pipelineId, Guid[] stages, Guid[] sellers)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        var stageArray = "(ARRAY[" + string.Join(",", stages.Select(s => $"'{s}'::uuid")) + "])";
        var sellerArray = "(ARRAY[" + string.Join(",", sellers.Select(s => $"'{s}'::uuid")) + "])";
        var sql = string.Create(CultureInfo.InvariantCulture, $$"""
            INSERT INTO sales.opportunities ("Id","TenantId","Title","CustomerId","CustomerName","OwnerUserId","UnitId","PipelineId","StageId","StageEnteredAt","Status",
                "ExpectedCloseDate","Source","Currency","Amount","LineCount","ClosedAt","CloseReason","LastActivityAt","CreatedAt","UpdatedAt","Version","ForecastCategory")
            SELECT gen_random_uuid(), t."TenantId", 'Deal ' || n, gen_random_uuid(), 'Customer ' || n, {{sellerArray}}[1 + n % {{sellers.Length}}], NULL, '{{pipelineId}}',
                   CASE WHEN won THEN {{stageArray}}[8] ELSE {{stageArray}}[1 + (n / 3) % 7] END, now() - (n % 90 || ' days')::interval,
                   CASE WHEN won THEN 'Won' ELSE 'Open' END,
                   (current_date + ((n / 5) % 365))::date, 'Referral', 'CNY', 100000 + (n % 97) * 5000, 1,
                   CASE WHEN won THEN now() - ((n % 180) || ' days')::interval END, CASE WHEN won THEN 'Price' END,
                   now() - ((n % 60) || ' days')::interval, now() - ((n % 200) || ' days')::interval, now() - (n || ' seconds')::interval, 1,
                   (ARRAY['Pipeline','Pipeline','BestCase','Commit'])[1 + (n / 7) % 4]
            FROM generate_series(1, {{count + (count / 10)}}) AS n
            CROSS JOIN LATERAL (SELECT n > {{count}} AS won) AS w
            CROSS JOIN (SELECT "TenantId" FROM sales.pipelines LIMIT 1) AS t;
            INSERT INTO sales.opportunities ("Id","TenantId","Title","CustomerId","CustomerName","OwnerUserId","UnitId","PipelineId","StageId","StageEnteredAt","Status",
                "ExpectedCloseDate","Currency","Amount","LineCount","LastActivityAt","CreatedAt","UpdatedAt","Version","ForecastCategory")
            SELECT gen_random_uuid(), t."TenantId", 'Moving deal ' || s || '-' || k, gen_random_uuid(), 'Customer', {{sellerArray}}[s], NULL, '{{pipelineId}}', {{stageArray}}[1],
                   now(), 'Open', current_date + 30, 'CNY', 100000, 1, now(), now(), now() + interval '1 hour', 1, 'Pipeline'
            FROM generate_series(1, {{sellers.Length}}) AS s CROSS JOIN generate_series(1, {{DealsPerSeller}}) AS k
            CROSS JOIN (SELECT "TenantId" FROM sales.pipelines LIMIT 1) AS t;
            DELETE FROM sales.stage_totals;
            INSERT INTO sales.stage_totals ("TenantId","StageId","OwnerUserId","UnitKey","UnitId","PipelineId","Count","Amount")
            SELECT "TenantId","StageId","OwnerUserId",COALESCE("UnitId",'00000000-0000-0000-0000-000000000000'::uuid),"UnitId","PipelineId",COUNT(*),SUM("Amount")
            FROM sales.opportunities WHERE "Status" = 'Open' GROUP BY "TenantId","StageId","OwnerUserId","UnitId","PipelineId";
            """);
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 3600 };
        await command.ExecuteNonQueryAsync();
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE sales.opportunities", db) { CommandTimeout = 3600 };
        await vacuum.ExecuteNonQueryAsync();
    }
}
