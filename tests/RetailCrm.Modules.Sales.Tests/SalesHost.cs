using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Sales.Tests;

/// <summary>The real host with the installed modules (this one among them) and no plugins, on SQLite; tests isolate themselves by creating their own tenant.</summary>
public class SalesHost : IDisposable
{
    public SalesHost()
        : this(TestDatabase.Sqlite)
    {
    }

    protected SalesHost(TestDatabase database) => Factory = new(database, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins);

    public CrmHostFactory Factory { get; }

    /// <summary>A new tenant (every installed module on) and a client signed in as its admin.</summary>
    public async Task<(string Name, HttpClient Client)> TenantAsync()
    {
        var name = Names.Tenant("sales");
        return (name, await Factory.CreateTenantAsync(await Factory.SignedInClientAsync(), name));
    }

    /// <summary>A tenant with a sales department, a sales person and his supervisor in it.</summary>
    public async Task<SalesTeam> TeamAsync()
    {
        var (tenant, admin) = await TenantAsync();
        return await SalesTeam.CreateAsync(tenant, admin, (userName, role, unit) => UserAsync(tenant, admin, userName, role, unit));
    }

    public async Task<(Guid Id, HttpClient Client)> UserAsync(string tenant, HttpClient admin, string userName, string role, Guid? unit = null)
    {
        const string password = "Seller-Passw0rd!";
        var response = await admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = userName, password, roles = new[] { role }, organizationUnitId = unit });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (id, await SignIn.ClientAsync(Factory, $"{tenant}.test", userName, password));
    }

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same host on a throwaway PostgreSQL database (RETAILCRM_TEST_POSTGRES, started by tests/run.sh): for what concurrency decides.</summary>
public sealed class PostgresSalesHost() : SalesHost(TestDatabase.Postgres);

/// <summary>A tenant's admin, a sales person and his department supervisor.</summary>
public sealed record SalesTeam(string Tenant, HttpClient Admin, Guid SellerId, HttpClient Seller, Guid SupervisorId, HttpClient Supervisor, Guid UnitId)
{
    /// <summary>Creates the Key accounts department under the head office with li.wei (sales person) and zhang.min (his supervisor) in it.</summary>
    public static async Task<SalesTeam> CreateAsync(string tenant, HttpClient admin, Func<string, string, Guid, Task<(Guid Id, HttpClient Client)>> user)
    {
        var units = await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/organization-units");
        var hq = units!.Single(u => u.GetProperty("code").GetString() == "HQ").GetProperty("id").GetGuid();
        var created = await admin.PostAsJsonAsync("/api/admin/organization-units", new { parentId = hq, name = "Key accounts", code = "KA", kind = "Department" });
        created.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var unit = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var seller = await user("li.wei", "sales-person", unit);
        var supervisor = await user("zhang.min", "department-supervisor", unit);
        return new SalesTeam(tenant, admin, seller.Id, seller.Client, supervisor.Id, supervisor.Client, unit);
    }
}

/// <summary>The real host on SQLite with a clock the test moves (Monday 2026-12-07 09:00 in Shanghai at the start), for tasks, reminders and weeks.</summary>
public sealed class SalesClockHost() : ClockedHost(MondayNine, "sales")
{
    public static readonly DateTimeOffset MondayNine = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    public async Task<SalesTeam> TeamAsync()
    {
        var (tenant, admin) = await TenantAsync();
        return await SalesTeam.CreateAsync(tenant, admin, (userName, role, unit) => UserAsync(tenant, admin, userName, [role], unit));
    }
}
