namespace RetailCrm.Modules.Service.Tests.AfterTheTicket;

/// <summary>The real host with the installed modules on SQLite whose outgoing messages are sent every 200 ms, for the mail tests.</summary>
public sealed class MailHost : IDisposable
{
    public CrmHostFactory Factory { get; } = new(TestDatabase.Sqlite, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins, settings: new Dictionary<string, string>
    {
        ["RetailCrm:Messaging:PollMilliseconds"] = "200",
        ["RetailCrm:Messaging:RetryBaseMilliseconds"] = "200",
    });

    /// <summary>A new tenant (every installed module on) and a client signed in as its admin.</summary>
    public async Task<(string Name, HttpClient Admin)> TenantAsync()
    {
        var name = Names.Tenant("csat");
        return (name, await Factory.CreateTenantAsync(await Factory.SignedInClientAsync(), name));
    }

    /// <summary>A client of the tenant's host name that has not signed in: the customer following a survey link.</summary>
    public HttpClient Anonymous(string tenant) =>
        Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{tenant}.test"), AllowAutoRedirect = false });

    public void Dispose() => Factory.Dispose();
}
