using System.Reflection;
using Microsoft.Playwright;
using RetailCrm.Testing;

namespace RetailCrm.EndToEnd.Tests;

/// <summary>
/// The real host on Kestrel (a free port, a throw-away SQLite data folder, the sample modules, no plugins)
/// and one headless Chromium from the system to drive it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes a fixture through IAsyncLifetime.DisposeAsync, which disposes the host.")]
public class CrmBrowserFixture : IAsyncLifetime
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "E2e-Admin-Passw0rd";

    private static readonly string[] s_chromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _dataPath = Directory.CreateTempSubdirectory("retailcrm-e2e-").FullName;
    private KestrelCrmHost? _host;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The modules the host loads: the samples here, the first-party modules in <see cref="ProductBrowserFixture"/>.</summary>
    protected virtual string ModulesPath => Path.Combine(AppContext.BaseDirectory, "samples", "modules");

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Settings a fixture adds to the host's (e.g. demo mode).</summary>
    protected virtual IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var chromium = ChromiumPath();
        var settings = new Dictionary<string, string>
        {
            ["RetailCrm:DataPath"] = _dataPath,
            ["RetailCrm:ModulesPath"] = ModulesPath,
            // No plugins: json-plugin also depends on alpha, and the scenario is about the modules beta and alpha alone.
            ["RetailCrm:PluginsPath"] = Directory.CreateDirectory(Path.Combine(_dataPath, "plugins")).FullName,
            ["RetailCrm:ThemesPath"] = Metadata("HostThemesPath"),
            ["RetailCrm:Admin:UserName"] = AdminUserName,
            ["RetailCrm:Admin:Password"] = AdminPassword,
        };
        foreach (var (key, value) in ExtraSettings)
        {
            settings[key] = value;
        }

        foreach (var folder in new[] { settings["RetailCrm:ModulesPath"], settings["RetailCrm:ThemesPath"] })
        {
            Directory.Exists(folder).ShouldBeTrue($"{folder} is missing: build the end-to-end tests project (it builds the host, its themes and the samples).");
        }

        _host = new KestrelCrmHost(settings);
        _host.UseKestrel(0);
        _host.StartServer();
        BaseAddress = _host.Address();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = s_chromiumArgs,
        });
    }

    /// <summary>A fresh browser context (own cookies) whose relative URLs go to the host.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
        });
        // Generous: on CI's two cores the browser shares them with the template test's Release build.
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; a temp folder left behind is harmless.
        }
    }

    /// <summary>Debian's Chromium (tests/services/chromium.sh installs it); Playwright's own download is never used.</summary>
    private static string ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("RETAILCRM_CHROMIUM");
        var path = string.IsNullOrWhiteSpace(configured) ? "/usr/bin/chromium" : configured;
        File.Exists(path).ShouldBeTrue(
            $"Chromium was not found at {path}. Install it with `bash tests/services/chromium.sh` (Debian's chromium package) or point RETAILCRM_CHROMIUM at a Chromium binary; the browser tests do not run without it.");
        return path;
    }

    private static string Metadata(string key) =>
        typeof(CrmBrowserFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

/// <summary>The host with the first-party modules (members ...), as `dotnet run` starts it, driven by Chromium.</summary>
public sealed class ProductBrowserFixture : CrmBrowserFixture
{
    protected override string ModulesPath => Path.Combine(AppContext.BaseDirectory, "modules");
}

/// <summary>The product in demo mode (`RetailCrm:DemoData`): the demo customers and cards, one user per role, "Try as".</summary>
public sealed class DemoBrowserFixture : CrmBrowserFixture
{
    protected override string ModulesPath => Path.Combine(AppContext.BaseDirectory, "modules");

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string> { ["RetailCrm:DemoData"] = "true" };
}

/// <summary>The first-party modules on a fresh database of the throwaway PostgreSQL (RETAILCRM_TEST_POSTGRES), driven by Chromium.</summary>
public sealed class PostgresProductBrowserFixture : CrmBrowserFixture
{
    private readonly string _connection = CrmHostFactory.CreatePostgresDatabase();

    protected override string ModulesPath => Path.Combine(AppContext.BaseDirectory, "modules");

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string> { ["ConnectionStrings:RetailCrm"] = _connection };
}
