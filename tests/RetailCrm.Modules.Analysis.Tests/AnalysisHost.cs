namespace RetailCrm.Modules.Analysis.Tests;

/// <summary>The real host with the installed modules (this one among them) and no plugins, on SQLite; tests isolate themselves by creating their own tenant.</summary>
public sealed class AnalysisHost : IDisposable
{
    public CrmHostFactory Factory { get; } = new(TestDatabase.Sqlite, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins);

    /// <summary>A new tenant (every installed module on) and a client signed in as its admin.</summary>
    public async Task<(string Name, HttpClient Client)> TenantAsync()
    {
        var name = Names.Tenant("analysis");
        return (name, await Factory.CreateTenantAsync(await Factory.SignedInClientAsync(), name));
    }

    public void Dispose() => Factory.Dispose();
}
