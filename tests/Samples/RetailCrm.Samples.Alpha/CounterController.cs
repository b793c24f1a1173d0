using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Samples.Alpha;

/// <summary>
/// A per-tenant counter behind an idempotent write, so tests can see how often the action really ran.
/// <c>fail</c> answers 503 (not kept: a retry runs again); a negative <c>by</c> answers 400 (kept).
/// </summary>
[ApiController]
[Route("api/alpha/counter")]
public sealed class CounterController(ICurrentTenant tenant) : ControllerBase
{
    private static readonly ConcurrentDictionary<Guid, int> Values = new();
    private static readonly ConcurrentDictionary<Guid, int> Failures = new();

    [HttpGet]
    public CounterDto Get() => new(Values.GetValueOrDefault(tenant.Id!.Value), Failures.GetValueOrDefault(tenant.Id!.Value));

    [HttpPost]
    [IdempotentWrite]
    public async Task<IActionResult> IncrementAsync(IncrementRequest request, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Id!.Value;
        // A little work, so that concurrent retries find the first one still in flight.
        await Task.Delay(50, cancellationToken);
        if (request.Fail)
        {
            return Problem(statusCode: 503, title: "Failed on purpose", detail: $"failure {Failures.AddOrUpdate(tenantId, 1, (_, n) => n + 1)}");
        }

        if (request.By < 0)
        {
            return Problem(statusCode: 400, title: "Negative step");
        }

        var value = Values.AddOrUpdate(tenantId, request.By, (_, n) => n + request.By);
        return Created("/api/alpha/counter", new CounterDto(value, Failures.GetValueOrDefault(tenantId)));
    }
}

public sealed record CounterDto(int Value, int Failures);

public sealed record IncrementRequest(int By = 1, bool Fail = false);
