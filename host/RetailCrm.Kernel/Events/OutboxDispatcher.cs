using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Data.Conventions;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.Events;

/// <summary>
/// Delivers outbox messages of every module to their handlers, by event name, at least once.
/// Each (message, handler) pair is a delivery row: claimed with a short lease so that two host
/// instances never run it at once, retried with back-off, and marked Failed after the last try,
/// where admins see it and may retry. A failing handler never touches the change that raised the event.
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    DbContextRegistry contexts,
    EventHandlerRegistry handlers,
    ModuleToggles toggles,
    ICurrentTenant currentTenant,
    IConfiguration configuration,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(configuration.GetValue("RetailCrm:Events:PollMilliseconds", 1000));
    private readonly TimeSpan _retryBase = TimeSpan.FromMilliseconds(configuration.GetValue("RetailCrm:Events:RetryBaseMilliseconds", 2000));
    private readonly int _maxAttempts = configuration.GetValue("RetailCrm:Events:MaxAttempts", 5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Outbox dispatch round failed; retrying next round");
            }

            await Task.Delay(_pollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>One pass over every outbox; returns the number of deliveries attempted.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var attempted = 0;
        foreach (var registered in contexts.Contexts)
        {
            using var scope = scopes.CreateScope();
            var source = registered.Resolve(scope.ServiceProvider);
            var messages = await source.Set<OutboxMessage>().Where(m => m.ProcessedAt == null).OrderBy(m => m.OccurredAt).Take(100).ToListAsync(cancellationToken);
            foreach (var message in messages)
            {
                var (tried, finished) = await DeliverAsync(registered.ModuleId, message, cancellationToken);
                attempted += tried;
                if (finished)
                {
                    message.ProcessedAt = DateTime.UtcNow;
                }
            }

            await source.SaveChangesAsync(cancellationToken);
        }

        return attempted;
    }

    private async Task<(int Tried, bool Finished)> DeliverAsync(string sourceModule, OutboxMessage message, CancellationToken cancellationToken)
    {
        var tried = 0;
        var finished = true;
        foreach (var subscription in handlers.For(message.EventName))
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
            var delivery = await db.EventDeliveries.FirstOrDefaultAsync(d => d.MessageId == message.Id && d.Handler == subscription.Key, cancellationToken);
            if (delivery is null)
            {
                delivery = new EventDelivery
                {
                    Id = Guid.NewGuid(),
                    MessageId = message.Id,
                    SourceModule = sourceModule,
                    TenantId = message.TenantId,
                    EventName = message.EventName,
                    Handler = subscription.Key,
                    Status = DeliveryStatus.Pending,
                };
                db.EventDeliveries.Add(delivery);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    finished = false; // another instance created it first; it owns this round
                    continue;
                }
            }

            if (delivery.Status != DeliveryStatus.Pending)
            {
                continue;
            }

            var now = DateTime.UtcNow;
            if (delivery.NextAttemptAt > now || !await ClaimAsync(db, delivery, now, cancellationToken))
            {
                finished = false;
                continue;
            }

            tried++;
            await RunHandlerAsync(subscription, message, delivery, cancellationToken);
            delivery.LockedUntil = null;
            await db.SaveChangesAsync(cancellationToken);
            finished &= delivery.Status != DeliveryStatus.Pending;
        }

        return (tried, finished);
    }

    private static async Task<bool> ClaimAsync(KernelDbContext db, EventDelivery delivery, DateTime now, CancellationToken cancellationToken)
    {
        var until = now.AddSeconds(60);
        var claimed = await db.EventDeliveries
            .Where(d => d.Id == delivery.Id && (d.LockedUntil == null || d.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntil, until), cancellationToken);
        // The tracked row must know the lease it now holds, so that releasing it is written.
        db.Entry(delivery).Property(d => d.LockedUntil).OriginalValue = until;
        delivery.LockedUntil = until;
        return claimed == 1;
    }

    private async Task RunHandlerAsync(EventSubscription subscription, OutboxMessage message, EventDelivery delivery, CancellationToken cancellationToken)
    {
        delivery.Attempts++;
        if (subscription.ModuleId.Length > 0
            && (message.TenantId is not { } tenantId || !await toggles.IsEnabledAsync(tenantId, subscription.ModuleId, cancellationToken)))
        {
            delivery.Status = DeliveryStatus.Skipped;
            delivery.LastError = $"'{subscription.ModuleId}' is off for this tenant.";
            return;
        }

        try
        {
            using var tenant = currentTenant.Change(message.TenantId);
            using var scope = scopes.CreateScope();
            var payload = JsonSerializer.Deserialize(message.Payload, subscription.EventType, EventBus.PayloadOptions)!;
            var handler = scope.ServiceProvider.GetServices(subscription.ServiceType).First(h => h!.GetType() == subscription.HandlerType)!;
            var handle = subscription.ServiceType.GetMethod("HandleAsync")!;
            await (Task)handle.Invoke(handler, [payload, cancellationToken])!;
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DeliveredAt = DateTime.UtcNow;
            delivery.LastError = null;
        }
        catch (Exception e)
        {
            var error = e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e;
            delivery.LastError = $"{error.GetType().Name}: {error.Message}";
            if (delivery.Attempts >= _maxAttempts)
            {
                delivery.Status = DeliveryStatus.Failed;
                logger.LogError(error, "Gave up delivering {EventName} to {Handler} after {Attempts} attempts", message.EventName, subscription.Key, delivery.Attempts);
            }
            else
            {
                delivery.NextAttemptAt = DateTime.UtcNow + _retryBase * Math.Pow(2, delivery.Attempts - 1);
                logger.LogWarning(error, "Delivering {EventName} to {Handler} failed (attempt {Attempts}); will retry", message.EventName, subscription.Key, delivery.Attempts);
            }
        }
    }
}
