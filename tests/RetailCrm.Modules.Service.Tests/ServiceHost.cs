namespace RetailCrm.Modules.Service.Tests;

/// <summary>The real host with the installed modules (this one among them) and no plugins, on SQLite; tests isolate themselves by creating their own tenant.</summary>
public class ServiceHost : IDisposable
{
    public ServiceHost()
        : this(TestDatabase.Sqlite)
    {
    }

    protected ServiceHost(TestDatabase database) => Factory = new(database, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins);

    public CrmHostFactory Factory { get; }

    /// <summary>A new tenant (every installed module on) and a client signed in as its admin.</summary>
    public async Task<(string Name, HttpClient Client)> TenantAsync()
    {
        var name = Names.Tenant("service");
        return (name, await Factory.CreateTenantAsync(await Factory.SignedInClientAsync(), name));
    }

    public void Dispose()
    {
        Factory.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same host on a throwaway PostgreSQL database (RETAILCRM_TEST_POSTGRES, started by tests/run.sh): for what concurrency decides.</summary>
public sealed class PostgresServiceHost() : ServiceHost(TestDatabase.Postgres);
