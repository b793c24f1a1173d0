using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Playwright;
using RetailCrm.Testing;

namespace RetailCrm.Benchmarks;

/// <summary>
/// The screen pop, end to end: the real host on Kestrel (SQLite, the first-party modules), an agent signed in with an
/// extension in Debian's Chromium, and a PBX posting signed "ringing" events for callers who are customers. Each call
/// is timed from just before the webhook is posted to the first frame the browser draws with that call's pop in it
/// (a MutationObserver, then requestAnimationFrame); both clocks are the machine's. 10 calls warm up, then the given
/// number are measured.
/// </summary>
internal static class ScreenPopBenchmark
{
    private const string Password = BenchClient.Password;
    private const string Extension = "8001";

    private const string Observer = """
        () => {
            window.__pop = { expect: "", shownAt: 0 };
            new MutationObserver(() => {
                const pop = document.getElementById("screen-pop");
                if (pop && !pop.hidden && window.__pop.shownAt === 0 && pop.dataset.callId === window.__pop.expect) {
                    window.__pop.shownAt = -1;
                    requestAnimationFrame(() => { window.__pop.shownAt = performance.timeOrigin + performance.now(); });
                }
            }).observe(document.documentElement, { subtree: true, childList: true, attributes: true });
        }
        """;

    public static async Task<int> RunAsync(int calls)
    {
        var data = Directory.CreateTempSubdirectory("retailcrm-bench-pop-").FullName;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RETAILCRM_HOST", AppContext.BaseDirectory);
        await using var host = new KestrelCrmHost(new Dictionary<string, string>
        {
            ["RetailCrm:DataPath"] = data,
            ["RetailCrm:ModulesPath"] = Path.Combine(AppContext.BaseDirectory, "modules"),
            ["RetailCrm:PluginsPath"] = Directory.CreateDirectory(Path.Combine(data, "plugins")).FullName,
            ["RetailCrm:ThemesPath"] = typeof(ScreenPopBenchmark).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HostThemesPath").Value!,
            ["RetailCrm:Admin:Password"] = Password,
            ["Logging:LogLevel:Default"] = "Error",
        });
        host.UseKestrel(0);
        host.StartServer();
        var address = host.Address();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("RETAILCRM_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var secret = await SignInAtExtensionAsync(page);
        var callers = await CallersAsync(page.Context.APIRequest, calls + 10);

        await page.GotoAsync("/service");
        await page.WaitForSelectorAsync("html[data-screen-pop=listening]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.EvaluateAsync(Observer);

        using var pbx = new HttpClient { BaseAddress = address };
        var times = new Latencies($"webhook posted -> pop drawn ({calls} calls)");
        for (var i = 0; i < callers.Count; i++)
        {
            var callId = $"bench-{i}";
            await page.EvaluateAsync("id => { window.__pop.expect = id; window.__pop.shownAt = 0; }", callId);
            var sentAt = DateTime.UtcNow;
            var response = await pbx.SendAsync(Signed("/api/service/cti/calls", new { callId, @event = "ringing", from = callers[i], extension = Extension }, secret));
            response.EnsureSuccessStatusCode();
            await page.WaitForFunctionAsync("() => window.__pop.shownAt > 0");
            var shownAt = await page.EvaluateAsync<double>("() => window.__pop.shownAt");
            if (i >= 10)
            {
                times.Add(shownAt - (sentAt - DateTime.UnixEpoch).TotalMilliseconds);
            }

            (await pbx.SendAsync(Signed("/api/service/cti/calls", new { callId, @event = "ended", from = callers[i], extension = Extension }, secret))).EnsureSuccessStatusCode();
        }

        Console.WriteLine($"service screen pop: real host on Kestrel (SQLite), Chromium {browser.Version}, callers who are customers");
        times.Print(0.50, 0.90, 0.99);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slowest {times.Percentile(1.0):F1} ms"));
        Latencies.PrintLoad();
        await context.CloseAsync();
        return 0;
    }

    /// <summary>Signs in as the admin, gives them the extension and answers the tenant's PBX secret.</summary>
    private static async Task<string> SignInAtExtensionAsync(IPage page)
    {
        await page.GotoAsync("/account/login");
        await page.Locator("#UserName").FillAsync("admin");
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("#Password").PressAsync("Enter");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        var api = page.Context.APIRequest;
        var secret = (await (await api.PostAsync("/api/service/channels/pbx/secret")).JsonAsync())!.Value.GetProperty("secret").GetString()!;
        var users = (await (await api.GetAsync("/api/admin/users")).JsonAsync())!.Value;
        var admin = users.EnumerateArray().First(u => u.GetProperty("userName").GetString() == "admin").GetProperty("id").GetGuid();
        var put = await api.PutAsync($"/api/service/channels/extensions/{admin}", new APIRequestContextOptions { DataObject = new { extension = Extension } });
        return put.Ok ? secret : throw new InvalidOperationException($"Setting the extension failed: {put.Status}");
    }

    /// <summary>Registers one customer per call, each with a phone of their own, and answers the phones.</summary>
    private static async Task<List<string>> CallersAsync(IAPIRequestContext api, int count)
    {
        var phones = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var phone = string.Create(CultureInfo.InvariantCulture, $"1370000{i:D4}");
            var created = await api.PostAsync("/api/members/customers", new APIRequestContextOptions
            {
                DataObject = new { customer = new { kind = "Person", displayName = $"Caller {i}", phone }, keepDespiteDuplicates = true },
            });
            if (!created.Ok)
            {
                throw new InvalidOperationException($"Registering a caller failed: {created.Status} {await created.TextAsync()}");
            }

            phones.Add(phone);
        }

        return phones;
    }

    private static HttpRequestMessage Signed(string path, object body, string secret) =>
        WebhookSignature.Request(path, JsonSerializer.Serialize(body, JsonSerializerOptions.Web), secret);
}
