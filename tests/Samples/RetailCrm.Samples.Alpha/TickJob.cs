using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Samples.Alpha;

/// <summary>A job that records, per tenant, when it ran; tests read the record over HTTP.</summary>
public sealed class TickJob : ICrmJob
{
    internal static readonly ConcurrentDictionary<Guid, ConcurrentQueue<DateTime>> Runs = new();

    public string Name => "alpha.tick";

    public TimeSpan Interval => TimeSpan.FromSeconds(1);

    public Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var tenantId = scopedServices.GetRequiredService<ICurrentTenant>().Id!.Value;
        Runs.GetOrAdd(tenantId, _ => new ConcurrentQueue<DateTime>()).Enqueue(DateTime.UtcNow);
        return Task.CompletedTask;
    }
}

/// <summary>When <see cref="TickJob"/> ran for the current tenant.</summary>
[ApiController]
[Route("api/alpha/job-runs")]
public sealed class JobRunsController(ICurrentTenant tenant) : ControllerBase
{
    [HttpGet]
    public IReadOnlyList<DateTime> List() =>
        TickJob.Runs.TryGetValue(tenant.Id!.Value, out var runs) ? [.. runs] : [];
}
