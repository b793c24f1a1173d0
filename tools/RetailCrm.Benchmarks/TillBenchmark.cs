using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RetailCrm.Benchmarks;

/// <summary>
/// Till payments against a running host (tools/bench-till.sh starts it on PostgreSQL): provisions a tenant with members
/// and cards, stores, a product, one terminal per concurrent till and many active cards through the admin API, then
/// drives signed POS payments (<c>POST /api/pos/cards/{cardNo}/payments</c>, HMAC headers and an Idempotency-Key) from
/// C tills at once for T seconds after a warm-up: first each payment on a random card, then all on one hot card.
/// Prints payments/s and latency percentiles, counts failures, and checks the ledger (the tenant's ledger check, and
/// the money: every card's balance is its first balance less what was paid on it).
/// The last lines are <c>TILL random|hot payments_per_s p50_ms p99_ms failures ledger_ok cpu_ms</c> for the script
/// (cpu_ms: host + PostgreSQL CPU time per payment, given <c>--host-pid</c> and <c>--postgres-pid</c>).
/// </summary>
internal static partial class TillBenchmark
{
    private const string Password = "Bench-Passw0rd!";
    private static readonly string[] s_modules = ["members", "cards"];
    private const long StartBalance = 100_000_000;

    private sealed record Options(string Url, int Concurrency, int Seconds, int Warmup, int Cards, int Stores, int HotSeconds, int HostPid, int PostgresPid);

    private sealed record Terminal(Guid Id, string Secret);

    /// <summary>Also the CPU time per payment of the host, of PostgreSQL and of this client: on a shared machine the wall-clock figures depend on the neighbours, these much less.</summary>
    private sealed record Phase(string Name, double PaymentsPerSecond, double P50, double P99, double Max, int Payments, int Failures, double HostCpuMs, double PostgresCpuMs, double ClientCpuMs);

    public static async Task<int> RunAsync(string[] args)
    {
        var o = Parse(args);
        var tenantHost = $"till-{Guid.NewGuid().ToString("N")[..8]}.bench";
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(o.Concurrency, 8) * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(30), UseCookies = false };
        using var pos = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(o.Url), Timeout = TimeSpan.FromSeconds(60) };
        pos.DefaultRequestHeaders.Host = tenantHost;

        Console.WriteLine($"till benchmark: {o.Url}, {o.Concurrency} tills, {o.Cards:N0} cards in {o.Stores} stores, warm-up {o.Warmup} s, measured {o.Seconds} s (hot card {o.HotSeconds} s)");
        var setup = Stopwatch.StartNew();
        var hostAdmin = await SignInAsync(o.Url, "localhost");
        var created = await hostAdmin.PostAsJsonAsync("/api/admin/tenants", new
        {
            name = tenantHost,
            hostNames = new[] { tenantHost },
            adminUserName = "admin",
            adminPassword = Password,
            modules = s_modules,
        });
        await EnsureAsync(created, HttpStatusCode.Created);
        var admin = await SignInAsync(o.Url, tenantHost);

        var units = await admin.GetFromJsonAsync<JsonElement>("/api/admin/organization-units");
        var root = units.EnumerateArray().First(u => u.GetProperty("parentId").ValueKind == JsonValueKind.Null).GetProperty("id").GetGuid();
        var stores = Enumerable.Range(1, o.Stores).Select(i => $"S{i:000}").ToArray();
        foreach (var store in stores)
        {
            await EnsureAsync(await admin.PostAsJsonAsync("/api/admin/organization-units", new { parentId = root, name = "Store " + store, code = store, kind = "Store" }), HttpStatusCode.Created);
        }

        var product = await JsonAsync(await admin.PostAsJsonAsync("/api/cards/products", new
        {
            code = "BENCH", name = "Bench stored value", kind = "StoredValue", currency = "CNY", numberPrefix = "6200", numberLength = 16, validityMonths = 24,
            fee = 0, deposit = 0, discountPercent = 0, pointsPerUnit = 1, pointsUnitAmount = 100, pointsRounding = "Down",
            minTopUp = 1, maxTopUp = 100_000_000_000L, maxBalance = 1_000_000_000_000L, pinRequired = false, pinMaxAttempts = 3,
        }), HttpStatusCode.Created);
        var members = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var member = await JsonAsync(await admin.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = "会员" + i }, keepDespiteDuplicates = true }), HttpStatusCode.Created);
            members.Add(member.GetProperty("code").GetString()!);
        }

        var numbers = new List<string>();
        for (var left = o.Cards + 1; left > 0; left -= 1000)
        {
            var batch = await JsonAsync(await admin.PostAsJsonAsync("/api/cards/cards", new { productId = product.GetProperty("id").GetGuid(), quantity = Math.Min(1000, left) }), HttpStatusCode.Created);
            numbers.AddRange(batch.EnumerateArray().Select(c => c.GetProperty("number").GetString()!));
        }

        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < numbers.Count; i = Interlocked.Increment(ref next))
            {
                var hot = i == numbers.Count - 1;
                await EnsureAsync(await admin.PostAsJsonAsync($"/api/cards/cards/{numbers[i]}/activation", new
                {
                    memberCode = members[i % members.Count],
                    initialTopUp = hot ? StartBalance * 100 : StartBalance,
                    storeCode = stores[i % stores.Length],
                    receiptId = "SALE-" + i,
                }), HttpStatusCode.OK);
            }
        }));
        var hotCard = numbers[^1];
        var cards = numbers.Count - 1;

        var terminals = new List<Terminal>();
        for (var i = 0; i < o.Concurrency; i++)
        {
            var t = await JsonAsync(await admin.PostAsJsonAsync("/api/cards/terminals", new { storeCode = stores[i % stores.Length], name = "Till " + i }), HttpStatusCode.Created);
            terminals.Add(new Terminal(t.GetProperty("id").GetGuid(), t.GetProperty("secret").GetString()!));
        }

        Console.WriteLine($"  provisioned in {setup.Elapsed.TotalSeconds:F1} s: tenant {tenantHost}, {stores.Length} stores, {terminals.Count} terminals, {numbers.Count:N0} active cards");

        var paid = new long[numbers.Count];
        var random = await RunPhaseAsync("random card", pos, terminals, o, o.Seconds, tills => tills.Next(cards), paid, numbers);
        var hotIndex = numbers.Count - 1;
        var hotPhase = o.HotSeconds > 0 ? await RunPhaseAsync("one hot card", pos, terminals, o, o.HotSeconds, _ => hotIndex, paid, numbers) : null;

        var check = await JsonAsync(await admin.PostAsync("/api/cards/ledger-check", null), HttpStatusCode.OK);
        var differences = check.GetProperty("differences").GetArrayLength();
        var moneyDifferences = await MoneyDifferencesAsync(admin, numbers, paid, hotCard);
        var ledgerOk = differences == 0 && moneyDifferences == 0;
        Console.WriteLine($"  ledger check: {check.GetProperty("checkedCards").GetInt32():N0} cards, {differences} difference(s); money check (start balance − paid = balance): {moneyDifferences} card(s) off");
        Console.WriteLine($"  load average: {LoadAverage()}");
        foreach (var phase in new[] { random, hotPhase }.OfType<Phase>())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"TILL {(phase == random ? "random" : "hot")} {phase.PaymentsPerSecond:F1} {phase.P50:F2} {phase.P99:F2} {phase.Failures} {(ledgerOk ? "ok" : "DIFFERENCES")} {phase.HostCpuMs + phase.PostgresCpuMs:F2}"));
        }

        return ledgerOk && random.Failures == 0 && (hotPhase?.Failures ?? 0) == 0 ? 0 : 1;
    }

    private static async Task<Phase> RunPhaseAsync(string name, HttpClient pos, List<Terminal> terminals, Options o, int seconds, Func<Random, int> pickCard, long[] paid, List<string> numbers)
    {
        var latencies = new List<double>[terminals.Count];
        var failures = 0;
        var firstFailures = new List<string>();
        var measuring = false;
        var stop = false;
        var counted = 0;
        var workers = terminals.Select((terminal, w) => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(100_000);
            var rnd = new Random(w * 7919 + name.Length);
            var seq = 0;
            while (!Volatile.Read(ref stop))
            {
                var card = pickCard(rnd);
                var amount = 100 + rnd.Next(4_900);
                var path = $"/api/pos/cards/{numbers[card]}/payments";
                var body = JsonSerializer.SerializeToUtf8Bytes(new { amount, receiptId = $"R-{w}-{seq++}" });
                var started = Stopwatch.GetTimestamp();
                var ok = false;
                string? why = null;
                try
                {
                    using var response = await SendAsync(pos, terminal, path, body);
                    ok = response.StatusCode == HttpStatusCode.Created;
                    if (!ok)
                    {
                        why = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    why = e.Message;
                }

                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (ok)
                {
                    Interlocked.Add(ref paid[card], amount);
                }

                if (!Volatile.Read(ref measuring))
                {
                    continue;
                }

                if (ok)
                {
                    mine.Add(elapsed);
                    Interlocked.Increment(ref counted);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                    lock (firstFailures)
                    {
                        if (firstFailures.Count < 5)
                        {
                            firstFailures.Add(why!.Length > 300 ? why[..300] : why);
                        }
                    }
                }
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(o.Warmup));
        var (host0, pg0, client0) = (ProcessCpu(o.HostPid), PostgresCpu(o.PostgresPid), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
        Volatile.Write(ref measuring, true);
        var watch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, false);
        var measured = watch.Elapsed.TotalSeconds;
        var payments = Volatile.Read(ref counted);
        var (host1, pg1, client1) = (ProcessCpu(o.HostPid), PostgresCpu(o.PostgresPid), Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds);
        double PerPayment(double from, double to) => payments == 0 || double.IsNaN(from) ? double.NaN : (to - from) * 1000 / payments;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(workers);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        var phase = new Phase(name, payments / measured, Percentile(0.50), Percentile(0.99), all.Length == 0 ? double.NaN : all[^1], payments, failures,
            PerPayment(host0, host1), PerPayment(pg0, pg1), PerPayment(client0, client1));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-13}: {phase.Payments,8:N0} payments in {measured:F1} s = {phase.PaymentsPerSecond,7:F1} payments/s   p50 {phase.P50:F1} ms  p99 {phase.P99:F1} ms  max {phase.Max:F1} ms   failures {failures}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"",-13}  CPU per payment: host {phase.HostCpuMs:F2} ms, PostgreSQL {phase.PostgresCpuMs:F2} ms, this client {phase.ClientCpuMs:F2} ms"));
        foreach (var failure in firstFailures)
        {
            Console.WriteLine("    failure: " + failure);
        }

        return phase;
    }

    /// <summary>Signed as a POS vendor must (see tests/RetailCrm.Modules.Cards.Tests/PosSigner.cs): HMAC-SHA256 over method, path, timestamp, nonce and the body's SHA-256.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Terminal terminal, string path, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Guid.NewGuid().ToString("N");
        var canonical = $"POST\n{path}\n{timestamp}\n{nonce}\n{Convert.ToHexStringLower(SHA256.HashData(body))}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(terminal.Secret), Encoding.UTF8.GetBytes(canonical)));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Terminal-Id", terminal.Id.ToString());
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Nonce", nonce);
        request.Headers.Add("X-Signature", signature);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return client.SendAsync(request);
    }

    /// <summary>Cards whose balance is not their first balance less what the tills were told was paid on them.</summary>
    private static async Task<int> MoneyDifferencesAsync(HttpClient admin, List<string> numbers, long[] paid, string hotCard)
    {
        var off = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < numbers.Count; i = Interlocked.Increment(ref next))
            {
                var card = await admin.GetFromJsonAsync<JsonElement>($"/api/cards/cards/{numbers[i]}");
                var start = numbers[i] == hotCard ? StartBalance * 100 : StartBalance;
                if (card.GetProperty("balance").GetInt64() != start - Interlocked.Read(ref paid[i]))
                {
                    Interlocked.Increment(ref off);
                }
            }
        }));
        return off;
    }

    private static async Task<HttpClient> SignInAsync(string url, string host)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Host = host;
        var page = await client.GetStringAsync("/account/login");
        var token = TokenPattern().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in at {host} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        await EnsureAsync(response, expected);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    /// <summary>User + system CPU seconds of a process from /proc (clock ticks of 1/100 s); NaN when unknown.</summary>
    private static double ProcessCpu(int pid)
    {
        var fields = StatFields(pid);
        return fields is null ? double.NaN : (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>CPU seconds of a PostgreSQL cluster: the postmaster with its reaped children, and every live child (backends, writers).</summary>
    private static double PostgresCpu(int postmaster)
    {
        if (StatFields(postmaster) is not { } own)
        {
            return double.NaN;
        }

        var ticks = own.Skip(11).Take(4).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && StatFields(pid) is { } child && child[1] == postmaster.ToString(CultureInfo.InvariantCulture))
            {
                ticks += long.Parse(child[11], CultureInfo.InvariantCulture) + long.Parse(child[12], CultureInfo.InvariantCulture);
            }
        }

        return ticks / 100.0;
    }

    /// <summary>The fields of /proc/{pid}/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = pid > 0 ? File.ReadAllText($"/proc/{pid}/stat") : null;
            return stat is null ? null : stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) + $" (1/5/15 min) on {Environment.ProcessorCount} cores" : "n/a";

    private static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(values.GetValueOrDefault("url") ?? "http://127.0.0.1:5480", Int("concurrency", 16), Int("seconds", 20), Int("warmup", 5), Int("cards", 2000), Int("stores", 4), Int("hot-seconds", 10),
            Int("host-pid", 0), Int("postgres-pid", 0));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
