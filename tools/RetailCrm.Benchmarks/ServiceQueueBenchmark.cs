using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;

namespace RetailCrm.Benchmarks;

/// <summary>
/// The service queue and ticket search with many tickets on PostgreSQL: the real host over HTTP (in-memory server)
/// on a database of its own in RETAILCRM_TEST_POSTGRES (tools/bench.sh starts one). The tickets are written straight
/// into the module's table with one INSERT ... SELECT (about 10 % not yet resolved), then vacuumed and analysed; each request is
/// timed 200 times after a warm-up, and p50 / p95 printed.
/// </summary>
internal static class ServiceQueueBenchmark
{
    private const int Rounds = 200;

    public static async Task<int> RunAsync(int tickets)
    {
        var server = Environment.GetEnvironmentVariable("RETAILCRM_TEST_POSTGRES")
            ?? throw new InvalidOperationException("Set RETAILCRM_TEST_POSTGRES (tools/bench.sh starts a throwaway PostgreSQL).");
        var database = "bench_service_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var data = Path.Combine(Path.GetTempPath(), "retailcrm-bench-service-" + Guid.NewGuid().ToString("N"));
        using var factory = BenchClient.Host(data, new Dictionary<string, string> { ["ConnectionStrings:RetailCrm"] = connection });
        var client = await BenchClient.SignInAsync(factory);
        var first = await client.PostAsync("/api/service/tickets", new StringContent(
            """{"subject":"bench","contactName":"bench","contactEmail":"bench@example.com"}""", System.Text.Encoding.UTF8, "application/json"));
        if (first.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Opening a ticket failed: {(int)first.StatusCode} {await first.Content.ReadAsStringAsync()}");
        }

        var fill = Stopwatch.StartNew();
        await FillAsync(connection, tickets);
        Console.WriteLine($"service queue, {tickets:N0} tickets on PostgreSQL (written and analysed in {fill.Elapsed.TotalSeconds:F0} s), real host over HTTP, {Rounds} requests each");
        await BenchClient.MeasureAsync(client, "queue page (HTML, Open view, page 1)", "/service");
        await BenchClient.MeasureAsync(client, "queue API (Open view, page 1 of 50)", "/api/service/tickets");
        await BenchClient.MeasureAsync(client, "queue API (Unassigned view)", "/api/service/tickets?view=Unassigned");
        await BenchClient.MeasureAsync(client, "search by number (#)", $"/api/service/tickets?view=All&q=%23{tickets / 2}");
        await BenchClient.MeasureAsync(client, "search by a word of the subject", "/api/service/tickets?view=All&q=dispenser");
        await BenchClient.MeasureAsync(client, "search by a contact's e-mail", $"/api/service/tickets?view=All&q=c{tickets / 3}%40example.cn");
        await BenchClient.MeasureAsync(client, "search by a phone number's last 8 digits", $"/api/service/tickets?view=All&q={tickets / 7:D8}");
        await BenchClient.MeasureAsync(client, "search by a Chinese word (饮水机)", "/api/service/tickets?view=All&q=" + Uri.EscapeDataString("饮水机"));
        await BenchClient.MeasureAsync(client, "search by a two-character word (退款)", "/api/service/tickets?view=All&q=" + Uri.EscapeDataString("退款"));
        await BenchClient.MeasureAsync(client, "search the open tickets (Open view, 延误)", "/api/service/tickets?q=" + Uri.EscapeDataString("延误"));
        Latencies.PrintLoad();
        return 0;
    }


    /// <summary>
    /// Tickets of the first ticket's tenant: subjects from a few English and Chinese phrases, contacts c{n}@example.cn
    /// with a phone, one in ten not yet resolved; status, priority and subject vary on different strides, so no two go together.
    /// </summary>
    private static async Task FillAsync(string connection, int count)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        var sql = string.Create(CultureInfo.InvariantCulture, $$"""
            INSERT INTO service.tickets ("Id","TenantId","Number","Token","TypeKey","Subject","Status","Priority","Channel","Tags","ContactName","ContactEmail","Language",
                "ContactPhone","FieldValuesJson","OpenedAt","UpdatedAt","SearchText","Version")
            SELECT gen_random_uuid(), t."TenantId", n + 1, 'bench', (ARRAY['inquiry','complaint','repair','phone-order'])[1 + (n / 2) % 4],
                   s.subject, CASE WHEN n % 10 = 0 THEN (ARRAY['New','Open','PendingCustomer'])[1 + (n / 10) % 3] ELSE 'Closed' END,
                   (ARRAY['Low','Normal','Normal','High','Urgent'])[1 + (n / 3) % 5], (ARRAY['Phone','Email','WebForm','Sms'])[1 + (n / 11) % 4], '',
                   'Contact ' || n, 'c' || n || '@example.cn', 'en', '+86139' || lpad(n::text, 8, '0'), '{}',
                   now() - (n || ' minutes')::interval, now() - (n || ' minutes')::interval,
                   lower(s.subject || ' contact ' || n || ' c' || n || '@example.cn +86139' || lpad(n::text, 8, '0')), 1
            FROM generate_series(1, {{count}}) AS n
            CROSS JOIN (SELECT "TenantId" FROM service.tickets LIMIT 1) AS t
            CROSS JOIN LATERAL (SELECT (ARRAY['Water dispenser does not cool','Card balance wrong','Delivery late','Refund for order','Question about points',
                '饮水机不制冷','会员卡余额不对','送水延误','订单退款','积分查询'])[1 + (n / 7) % 10] || ' ' || n AS subject) AS s;
            UPDATE service.ticket_counters SET "Last" = {{count + 1}};
            """);
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 3600 };
        await command.ExecuteNonQueryAsync();
        // VACUUM (outside a transaction) sets the visibility map, so counts are read off the indexes as autovacuum
        // would let them be; it cannot while the host's jobs hold a snapshot, so it is tried again until it has.
        for (var attempt = 0; attempt < 10 && await AllVisibleAsync(db) < 0.9; attempt++)
        {
            await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE service.tickets", db) { CommandTimeout = 3600 };
            await vacuum.ExecuteNonQueryAsync();
            await Task.Delay(TimeSpan.FromSeconds(attempt));
        }
    }

    private static async Task<double> AllVisibleAsync(NpgsqlConnection db)
    {
        await using var command = new NpgsqlCommand("SELECT relallvisible::float8 / greatest(relpages, 1) FROM pg_class WHERE oid = 'service.tickets'::regclass", db);
        return (double)(await command.ExecuteScalarAsync())!;
    }
}
