using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.MultiTenancy;
using Shouldly;
using Microsoft.Extensions.DependencyInjection;

namespace RetailCrm.Testing;

/// <summary>A clock the test sets and moves; the host and every module read the time from it.</summary>
public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>
/// The real host with the installed modules on SQLite whose <see cref="TimeProvider"/> is <see cref="Clock"/>; outgoing
/// messages are sent every 200 ms. Tests isolate themselves by tenant (reached by its host name, <c>{tenant}.test</c>);
/// the tests of one class run one after another, so moving the clock is safe within a class.
/// </summary>
public abstract class ClockedHost : IDisposable
{
    private readonly CrmHostFactory _root = new(TestDatabase.Sqlite, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins, settings: new Dictionary<string, string>
    {
        ["RetailCrm:Messaging:PollMilliseconds"] = "200",
        ["RetailCrm:Messaging:RetryBaseMilliseconds"] = "200",
    });

    protected ClockedHost(DateTimeOffset start, string tenantPrefix)
    {
        Clock = new SettableClock(start);
        TenantPrefix = tenantPrefix;
        Factory = _root.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));
    }

    public SettableClock Clock { get; }

    public WebApplicationFactory<Program> Factory { get; }

    private string TenantPrefix { get; }

    /// <summary>A new tenant (every installed module on) and a client signed in as its admin.</summary>
    public async Task<(string Name, HttpClient Admin)> TenantAsync()
    {
        var name = Names.Tenant(TenantPrefix);
        var hostAdmin = await SignInAsync("localhost", "admin", CrmHostFactory.AdminPassword);
        var response = await hostAdmin.PostAsJsonAsync("/api/admin/tenants", new
        {
            name,
            hostNames = new[] { $"{name}.test" },
            adminUserName = "admin",
            adminPassword = CrmHostFactory.AdminPassword,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (name, await SignInAsync($"{name}.test", "admin", CrmHostFactory.AdminPassword));
    }

    /// <summary>The tenant's admin signed in again (after the clock moved past the sign-in's lifetime).</summary>
    public Task<HttpClient> AdminAsync(string tenant) => SignInAsync($"{tenant}.test", "admin", CrmHostFactory.AdminPassword);

    /// <summary>A client of the tenant's host name that has not signed in: the customer following a survey link.</summary>
    public HttpClient Anonymous(string tenant) =>
        Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{tenant}.test"), AllowAutoRedirect = false });

    /// <summary>A user of the tenant with roles (and a unit); answers the id and a client signed in as them.</summary>
    public async Task<(Guid Id, HttpClient Client)> UserAsync(string tenant, HttpClient admin, string userName, string[] roles, Guid? unit = null)
    {
        const string password = "Agent-Passw0rd!";
        var response = await admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = userName, password, roles, organizationUnitId = unit });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (id, await SignInAsync($"{tenant}.test", userName, password));
    }

    /// <summary>A user of the tenant with roles; answers the id and a client signed in as them.</summary>
    public Task<(Guid Id, HttpClient Client)> UserAsync(string tenant, HttpClient admin, string userName, string role) => UserAsync(tenant, admin, userName, [role]);

    /// <summary>Runs code inside a tenant with the host's services, as a job would.</summary>
    public async Task<T> InTenantAsync<T>(string tenantName, Func<IServiceProvider, Task<T>> work)
    {
        var tenant = await Factory.Services.GetRequiredService<TenantStore>().FindByNameAsync(tenantName, CancellationToken.None)
            ?? throw new InvalidOperationException($"No tenant {tenantName}");
        using var change = Factory.Services.GetRequiredService<ICurrentTenant>().Change(tenant.Id, tenant.Name);
        using var scope = Factory.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Gives a user an e-mail address; the users API has no field for it, so straight into the kernel's table (SQLite).</summary>
    public Task SetEmailAsync(string tenant, Guid userId, string email) =>
        InTenantAsync(tenant, services => services.GetRequiredService<DbContextRegistry>().Contexts[0].Resolve(services).Database
            .ExecuteSqlRawAsync("UPDATE crm_users SET Email = {0} WHERE upper(Id) = upper({1})", email, userId.ToString()));

    /// <summary>Runs one of the module's jobs inside the tenant, as the scheduler would.</summary>
    public Task RunJobAsync(string tenant, string name) =>
        InTenantAsync(tenant, async services =>
        {
            await Factory.Services.GetServices<ICrmJob>().Single(j => j.Name == name).ExecuteAsync(services, CancellationToken.None);
            return true;
        });

    public void Dispose()
    {
        Factory.Dispose();
        _root.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<HttpClient> SignInAsync(string host, string userName, string password) => SignIn.ClientAsync(Factory, host, userName, password);
}
