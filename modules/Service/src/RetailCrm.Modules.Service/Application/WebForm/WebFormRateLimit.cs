using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Application.WebForm;

/// <summary>
/// Lets one address send the public form of one tenant at most <see cref="PermitsPerMinute"/> times a minute, in this
/// process (the host has no global rate limiter; a module cannot add one to the pipeline).
/// </summary>
internal sealed class WebFormRateLimit : IDisposable
{
    public const int PermitsPerMinute = 5;

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Takes a permit for the request's address and tenant; false when they used up the minute's.</summary>
    public bool TryAcquire(HttpContext http, ICurrentTenant tenant)
    {
        using var lease = _limiter.AttemptAcquire($"{tenant.Id}|{http.Connection.RemoteIpAddress}");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
