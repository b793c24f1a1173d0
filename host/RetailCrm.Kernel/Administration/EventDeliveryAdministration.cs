using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Data.Conventions;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Kernel.Administration;

/// <summary>The delivery of one event to one handler, as administrators see it.</summary>
public sealed record EventDeliveryDto(
    Guid Id,
    Guid MessageId,
    string SourceModule,
    Guid? TenantId,
    string EventName,
    string Handler,
    DeliveryStatus Status,
    int Attempts,
    string? LastError,
    DateTime? NextAttemptAt,
    DateTime? DeliveredAt,
    DateTime? LockedUntil);

/// <summary>The current tenant's event deliveries that wait for a retry or gave up, and retrying one.</summary>
public interface IEventDeliveryAdministration
{
    /// <summary>Deliveries that gave up after their last retry, most attempts first.</summary>
    Task<IReadOnlyList<EventDeliveryDto>> FailedAsync(CancellationToken cancellationToken);

    /// <summary>How many deliveries gave up.</summary>
    Task<int> FailedCountAsync(CancellationToken cancellationToken);

    /// <summary>Deliveries not done yet: waiting for a retry or given up, most attempts first.</summary>
    Task<IReadOnlyList<EventDeliveryDto>> WaitingAsync(CancellationToken cancellationToken);

    /// <summary>Puts a delivery back in the queue and reopens its outbox message; the dispatcher tries it again at once.</summary>
    Task<Result<EventDeliveryDto>> RetryAsync(Guid id, CancellationToken cancellationToken);
}

internal sealed class EventDeliveryAdministration(KernelDbContext db, DbContextRegistry registry, IServiceProvider services, ICurrentTenant tenant) : IEventDeliveryAdministration
{
    public Task<IReadOnlyList<EventDeliveryDto>> FailedAsync(CancellationToken cancellationToken) =>
        ListAsync(d => d.Status == DeliveryStatus.Failed, 500, cancellationToken);

    public Task<int> FailedCountAsync(CancellationToken cancellationToken) =>
        db.EventDeliveries.CountAsync(d => d.TenantId == tenant.Id && d.Status == DeliveryStatus.Failed, cancellationToken);

    public Task<IReadOnlyList<EventDeliveryDto>> WaitingAsync(CancellationToken cancellationToken) =>
        ListAsync(d => d.Status != DeliveryStatus.Delivered && d.Status != DeliveryStatus.Skipped, 200, cancellationToken);

    public async Task<Result<EventDeliveryDto>> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var delivery = await db.EventDeliveries.FirstOrDefaultAsync(d => d.Id == id && d.TenantId == tenant.Id, cancellationToken);
        if (delivery is null)
        {
            return Refusal.NotFound("delivery-not-found", "No such event delivery.");
        }

        delivery.Status = DeliveryStatus.Pending;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = null;
        await db.SaveChangesAsync(cancellationToken);
        if (registry.Contexts.FirstOrDefault(c => c.ModuleId == delivery.SourceModule) is { } source)
        {
            await source.Resolve(services).Set<OutboxMessage>().Where(m => m.Id == delivery.MessageId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTime?)null), cancellationToken);
        }

        return ToDto(delivery);
    }

    private async Task<IReadOnlyList<EventDeliveryDto>> ListAsync(System.Linq.Expressions.Expression<Func<EventDelivery, bool>> status, int take, CancellationToken cancellationToken) =>
        (await db.EventDeliveries.AsNoTracking().Where(d => d.TenantId == tenant.Id).Where(status)
            .OrderByDescending(d => d.Attempts).Take(take).ToListAsync(cancellationToken)).Select(ToDto).ToList();

    private static EventDeliveryDto ToDto(EventDelivery d) =>
        new(d.Id, d.MessageId, d.SourceModule, d.TenantId, d.EventName, d.Handler, d.Status, d.Attempts, d.LastError, d.NextAttemptAt, d.DeliveredAt, d.LockedUntil);
}
