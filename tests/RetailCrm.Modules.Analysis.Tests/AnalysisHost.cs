using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Analysis.Domain.Facts;
using RetailCrm.Modules.Analysis.Infrastructure.Persistence;

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

    /// <summary>Waits until the analysis has been told of this many purchases (the events travel through the outbox).</summary>
    public Task PurchasesArrivedAsync(string tenant, int purchases) => Arrived(Factory, tenant, purchases);

    internal static Task Arrived(CrmHostFactory factory, string tenant, int purchases) =>
        CrmHostFactory.EventuallyAsync(
            async () => await factory.InTenantAsync(tenant, s => s.GetRequiredService<AnalysisDbContext>().Set<PurchaseFact>().CountAsync()) >= purchases,
            $"{purchases} purchases reach the analysis");

    public void Dispose() => Factory.Dispose();
}
