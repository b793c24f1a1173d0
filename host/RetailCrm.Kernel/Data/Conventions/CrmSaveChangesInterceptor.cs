using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using RetailCrm.Kernel.Events;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.Data.Conventions;

/// <summary>
/// Runs in every module context's SaveChanges, inside its transaction: stamps new <see cref="ITenantOwned"/> rows
/// with the current tenant and refuses writes to another tenant's rows, records each write in the module's audit
/// log (<see cref="SensitiveAttribute"/> and <see cref="MaskedAttribute"/> hide values, <see cref="NotAuditedAttribute"/>
/// skips the entity), and writes the integration events published in this scope to the module's outbox.
/// </summary>
internal sealed class CrmSaveChangesInterceptor(ICurrentTenant currentTenant, AuditRecorder audit, EventBus eventBus) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BeforeSave(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        BeforeSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void BeforeSave(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = DateTime.UtcNow;
        var tenantId = currentTenant.Id;
        var audits = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry or OutboxMessage || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            GuardTenant(entry.Entity, entry.Metadata.ClrType, entry.State == EntityState.Added,
                entry.Entity is ITenantOwned ? entry.Property(nameof(ITenantOwned.TenantId)).OriginalValue as Guid? : null, tenantId);
            if (AuditRecorder.IsAudited(entry.Metadata))
            {
                audits.Add(audit.Of(entry, now));
            }
        }

        context.Set<AuditEntry>().AddRange(audits);
        foreach (var (name, payload) in eventBus.TakePending())
        {
            context.Set<OutboxMessage>().Add(Outbox(tenantId, name, payload, now));
        }
    }

    public static OutboxMessage Outbox(Guid? tenantId, string name, string payload, DateTime now) =>
        new() { Id = Guid.NewGuid(), TenantId = tenantId, EventName = name, Payload = payload, OccurredAt = now };

    /// <summary>Stamps a new tenant-owned row with the current tenant; refuses a write to another tenant's row.</summary>
    public static void GuardTenant(object entity, Type type, bool added, Guid? originalTenantId, Guid? tenantId)
    {
        if (entity is not ITenantOwned owned)
        {
            return;
        }

        if (added && owned.TenantId == Guid.Empty)
        {
            owned.TenantId = tenantId ?? throw new InvalidOperationException($"A {type.Name} belongs to a tenant, but no tenant is current.");
            return;
        }

        var original = added ? owned.TenantId : originalTenantId ?? Guid.Empty;
        if (tenantId is not null && (original != tenantId || owned.TenantId != tenantId))
        {
            throw new InvalidOperationException($"Refused to write a {type.Name} of another tenant.");
        }
    }
}
