using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Data.Conventions;
using RetailCrm.Kernel.Idempotency;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Testing;

/// <summary>An integration event waiting in (or delivered from) a module's outbox.</summary>
public sealed record OutboxEntry(string EventName, string Payload, DateTime OccurredAt, DateTime? ProcessedAt = null);

/// <summary>Which database a host under test runs on.</summary>
public enum TestDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real host over HTTP (in-memory server) with the sample modules and plugins, on a fresh
/// SQLite file or a fresh PostgreSQL database of the throwaway server that tests/run.sh starts.
/// </summary>
public sealed class CrmHostFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin-Passw0rd!";
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "retailcrm-tests", Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="database">SQLite (a fresh file) or PostgreSQL.</param>
    /// <param name="modulesPath">The modules folder; the sample modules by default, <see cref="InstalledModulesPath"/> for the real ones.</param>
    /// <param name="pluginsPath">The plugins folder; the sample plugins by default.</param>
    /// <param name="sharedPostgres">Another host's database, to run a second instance over it.</param>
    /// <param name="settings">Extra configuration.</param>
    public CrmHostFactory(
        TestDatabase database = TestDatabase.Sqlite,
        string? modulesPath = null,
        string? pluginsPath = null,
        string? sharedPostgres = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        Database = database;
        ModulesPath = modulesPath ?? SamplesModulesPath;
        PluginsPath = pluginsPath ?? Path.Combine(AppContext.BaseDirectory, "samples", "plugins");
        _settings = settings ?? new Dictionary<string, string>();
        if (database == TestDatabase.Postgres)
        {
            PostgresConnection = sharedPostgres ?? CreatePostgresDatabase();
        }
    }

    public TestDatabase Database { get; }

    /// <summary>The PostgreSQL database of this host, or null on SQLite.</summary>
    public string? PostgresConnection { get; }

    public string ModulesPath { get; }

    public string PluginsPath { get; }

    public static string SamplesModulesPath => Path.Combine(AppContext.BaseDirectory, "samples", "modules");

    /// <summary>The first-party modules, copied beside the tests by host/RetailCrm.Host/InstalledModules.targets.</summary>
    public static string InstalledModulesPath => Path.Combine(AppContext.BaseDirectory, "modules");

    /// <summary>A folder with no plugin in it.</summary>
    public static string NoPlugins => Path.Combine(AppContext.BaseDirectory, "no-plugins");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("RetailCrm:DataPath", _dataPath);
        builder.UseSetting("RetailCrm:ModulesPath", ModulesPath);
        builder.UseSetting("RetailCrm:PluginsPath", PluginsPath);
        builder.UseSetting("RetailCrm:Admin:Password", AdminPassword);
        builder.UseSetting("RetailCrm:Events:PollMilliseconds", "100");
        builder.UseSetting("RetailCrm:Events:RetryBaseMilliseconds", "100");
        builder.UseSetting("RetailCrm:Events:MaxAttempts", "3");
        builder.UseSetting("RetailCrm:Jobs:TickMilliseconds", "200");
        builder.UseSetting("Settings:alpha.limit", "42");
        if (PostgresConnection is not null)
        {
            builder.UseSetting("ConnectionStrings:RetailCrm", PostgresConnection);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client for a host name (tenant), signed in as that tenant's admin when a password is given.</summary>
    public Task<HttpClient> SignedInClientAsync(string host = "localhost", string userName = "admin", string password = AdminPassword) =>
        SignIn.ClientAsync(this, host, userName, password);

    /// <summary>Creates a second tenant through the admin API and returns a client signed in to it.</summary>
    public async Task<HttpClient> CreateTenantAsync(HttpClient hostAdmin, string name, params string[] modules)
    {
        var host = $"{name}.test";
        var response = await hostAdmin.PostAsJsonAsync("/api/admin/tenants", new
        {
            name,
            hostNames = new[] { host },
            adminUserName = "admin",
            adminPassword = AdminPassword,
            modules = modules.Length == 0 ? null : modules,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await SignedInClientAsync(host);
    }

    /// <summary>Runs code inside a tenant with the host's services, as a job would.</summary>
    public async Task<T> InTenantAsync<T>(string tenantName, Func<IServiceProvider, Task<T>> work)
    {
        var tenant = await Services.GetRequiredService<TenantStore>().FindByNameAsync(tenantName, CancellationToken.None)
            ?? throw new InvalidOperationException($"No tenant {tenantName}");
        using var change = Services.GetRequiredService<ICurrentTenant>().Change(tenant.Id, tenant.Name);
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>The integration events in a module's outbox for a tenant, oldest first (name and JSON payload).</summary>
    public Task<IReadOnlyList<OutboxEntry>> OutboxAsync(string tenantName, string moduleId, string? eventName = null) =>
        InTenantAsync(tenantName, async services =>
        {
            var tenantId = services.GetRequiredService<ICurrentTenant>().Id;
            var registry = services.GetRequiredService<DbContextRegistry>();
            var context = registry.Contexts.Single(c => c.ModuleId == moduleId).Resolve(services);
            return (IReadOnlyList<OutboxEntry>)await context.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.TenantId == tenantId && (eventName == null || m.EventName == eventName))
                .OrderBy(m => m.OccurredAt)
                .Select(m => new OutboxEntry(m.EventName, m.Payload, m.OccurredAt, m.ProcessedAt))
                .ToListAsync();
        });

    /// <summary>
    /// Claims an idempotency key as a request still running would (the tenant's, for a caller such as
    /// <c>terminal:{id:N}</c>, with the request's SHA-256 fingerprint); returns what releases it, as a failed request does.
    /// </summary>
    public async Task<Func<Task>> HoldIdempotencyKeyAsync(string tenantName, string caller, string key, string requestHash)
    {
        var held = await InTenantAsync(tenantName, async services =>
        {
            var idempotencyKey = new IdempotencyKey(services.GetRequiredService<ICurrentTenant>().Id!.Value, caller, key);
            (await services.GetRequiredService<IIdempotencyStore>().TryClaimAsync(idempotencyKey, requestHash)).Outcome.ShouldBe(IdempotencyClaimOutcome.Claimed);
            return idempotencyKey;
        });
        return () => InTenantAsync(tenantName, async services =>
        {
            await services.GetRequiredService<IIdempotencyStore>().ReleaseAsync(held);
            return true;
        });
    }

    /// <summary>Polls until a condition holds (event delivery is asynchronous); fails after the timeout.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Timed out waiting for: {what}");
    }

    /// <summary>A new empty database on the throwaway PostgreSQL of tests/run.sh (RETAILCRM_TEST_POSTGRES); answers its connection string.</summary>
    public static string CreatePostgresDatabase()
    {
        var server = Environment.GetEnvironmentVariable("RETAILCRM_TEST_POSTGRES")
            ?? throw new InvalidOperationException("RETAILCRM_TEST_POSTGRES is not set: run the tests with `bash tests/run.sh`, which starts a throwaway PostgreSQL.");
        var name = "crm_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_dataPath, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }
}
