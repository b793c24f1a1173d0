using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Data;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Kernel.Idempotency;

/// <summary>Deletes the tenant's expired idempotency keys (an expired key met on access is also replaced then).</summary>
internal sealed class IdempotencyCleanupJob : ICrmJob
{
    public string Name => "crm.idempotency-cleanup";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        return scopedServices.GetRequiredService<KernelDbContext>().IdempotencyRecords
            .Where(r => r.ExpiresAt <= now)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
