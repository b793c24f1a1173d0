using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RetailCrm.Testing;

namespace RetailCrm.Benchmarks;

/// <summary>A client of the benchmark's host, signed in as the first run's admin.</summary>
internal static class BenchClient
{
    /// <summary>The first run's admin password of every benchmark host.</summary>
    public const string Password = "Bench-Passw0rd!";

    /// <summary>
    /// The real host in memory as in production, from the built output (the factory would otherwise look for the host's
    /// source folder beside the solution): data in <paramref name="data"/>, the installed modules, no plugins, errors only
    /// in the log, and the given settings on top.
    /// </summary>
    public static WebApplicationFactory<Program> Host(string data, IReadOnlyDictionary<string, string>? settings = null)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RETAILCRM_HOST", AppContext.BaseDirectory);
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("RetailCrm:DataPath", data);
            b.UseSetting("RetailCrm:ModulesPath", Path.Combine(AppContext.BaseDirectory, "modules"));
            b.UseSetting("RetailCrm:PluginsPath", Path.Combine(data, "no-plugins"));
            b.UseSetting("RetailCrm:Admin:Password", Password);
            b.UseSetting("Logging:LogLevel:Default", "Error");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                b.UseSetting(key, value);
            }
        });
    }

    public static Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory) =>
        SignIn.ClientAsync(factory, "localhost", "admin", Password, TimeSpan.FromMinutes(10));

    /// <summary>Times a GET <paramref name="rounds"/> times after ten warm-up requests and prints p50, p95 and p99.</summary>
    public static async Task MeasureAsync(HttpClient client, string what, string url, int rounds = 200)
    {
        for (var i = 0; i < 10; i++)
        {
            (await client.GetAsync(url)).EnsureSuccessStatusCode();
        }

        var times = new Latencies(what);
        for (var i = 0; i < rounds; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var response = await client.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        times.Print(0.50, 0.95, 0.99);
    }
}
