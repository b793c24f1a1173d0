using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Data.Conventions;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.Data;

/// <summary>One write recorded by the audit log: who, which tenant, what, when and the changes (a JSON object).</summary>
public sealed record AuditEntryDto(Guid Id, Guid? TenantId, string? UserName, string EntityType, string EntityId, string Action, string Changes, DateTime OccurredAt);

/// <summary>An audit entry with the module whose tables it was written in.</summary>
public sealed record AuditRecord(string ModuleId, AuditEntryDto Entry)
{
    /// <summary>The changes as people read them (see <see cref="AuditChanges"/>); a method, so that the API's JSON stays as it is.</summary>
    public IReadOnlyList<AuditChange> ReadChanges() => AuditChanges.Read(Entry.Changes);
}

/// <summary>Reads the current tenant's audit log across every module's audit table, newest first.</summary>
public sealed class AuditReader(IServiceProvider services, DbContextRegistry registry, ICurrentTenant currentTenant)
{
    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(string? entityType, int take, CancellationToken cancellationToken)
    {
        var tenantId = currentTenant.Id;
        var all = new List<AuditRecord>();
        foreach (var registered in registry.Contexts)
        {
            var context = (CrmDbContext)services.GetRequiredService(registered.ContextType);
            var query = context.Set<AuditEntry>().AsNoTracking().Where(a => a.TenantId == tenantId);
            if (!string.IsNullOrWhiteSpace(entityType))
            {
                query = query.Where(a => a.EntityType == entityType);
            }

            var entries = await query.OrderByDescending(a => a.OccurredAt).Take(take).ToListAsync(cancellationToken);
            all.AddRange(entries.Select(e => new AuditRecord(registered.ModuleId,
                new AuditEntryDto(e.Id, e.TenantId, e.UserName, e.EntityType, e.EntityId, e.Action, e.Changes, e.OccurredAt))));
        }

        return all.OrderByDescending(r => r.Entry.OccurredAt).Take(take).ToList();
    }
}
