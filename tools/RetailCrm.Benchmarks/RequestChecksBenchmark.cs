using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.MultiTenancy;

namespace RetailCrm.Benchmarks;

/// <summary>
/// What every request pays for multi-tenancy: finding the tenant by host name and asking whether
/// the endpoint's module is on (both answered from the in-memory caches once warm), against a
/// whole request through the pipeline for scale.
/// </summary>
[MemoryDiagnoser]
public class RequestChecksBenchmark
{
    private WebApplicationFactory<Program> _factory = null!;
    private TenantStore _tenants = null!;
    private ModuleToggles _toggles = null!;
    private HttpClient _client = null!;
    private Guid _tenantId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var data = Path.Combine(Path.GetTempPath(), "retailcrm-bench-" + Guid.NewGuid().ToString("N"));
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("RetailCrm:DataPath", data);
            b.UseSetting("RetailCrm:ModulesPath", Path.Combine(AppContext.BaseDirectory, "samples", "modules"));
            b.UseSetting("RetailCrm:PluginsPath", Path.Combine(data, "no-plugins"));
            b.UseSetting("RetailCrm:Admin:Password", "Bench-Passw0rd!");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        _client = _factory.CreateClient();
        _tenants = _factory.Services.GetRequiredService<TenantStore>();
        _toggles = _factory.Services.GetRequiredService<ModuleToggles>();
        _tenantId = (await _tenants.FindByHostAsync("localhost", CancellationToken.None))!.Id;
        await _toggles.IsEnabledAsync(_tenantId, "alpha");
    }

    [Benchmark]
    public Task<TenantInfo?> TenantByHostName() => _tenants.FindByHostAsync("localhost", CancellationToken.None);

    [Benchmark]
    public Task<bool> ModuleEnabledForTenant() => _toggles.IsEnabledAsync(_tenantId, "alpha");

    [Benchmark]
    public Task<HttpResponseMessage> WholeRequestHealthLive() => _client.GetAsync("/health/live");

    [GlobalCleanup]
    public void Cleanup() => _factory.Dispose();
}
