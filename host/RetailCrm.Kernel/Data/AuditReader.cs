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

/// <summary>Which audit entries to read: all of them, or of one module, one kind of record, one user.</summary>
public sealed record AuditFilter(string? ModuleId = null, string? EntityType = null, string? UserName = null);

/// <summary>One page of the audit log, newest first, and how many entries the filter matches in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Records, int Total, int Page, int PageSize);

/// <summary>Reads the current tenant's audit log across every module's audit table, newest first.</summary>
public sealed class AuditReader(IServiceProvider services, DbContextRegistry registry, ICurrentTenant currentTenant)
{
    /// <summary>The modules that keep an audit table, for the page's module filter.</summary>
    public IReadOnlyList<string> ModuleIds => [.. registry.Contexts.Select(c => c.ModuleId).Distinct().Order(StringComparer.Ordinal)];

    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(string? entityType, int take, CancellationToken cancellationToken) =>
        (await ReadPageAsync(new AuditFilter(EntityType: entityType), 1, take, cancellationToken)).Records;

    /// <summary>
    /// One page across the modules' tables: each table gives its newest <c>page × size</c> entries, the merge of them
    /// holds the page (every entry before it is among them), counted per table for the total.
    /// </summary>
    public async Task<AuditPage> ReadPageAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var depth = page * pageSize;
        var total = 0;
        var merged = new List<AuditRecord>();
        foreach (var registered in registry.Contexts.Where(c => filter.ModuleId is not { Length: > 0 } module || c.ModuleId == module))
        {
            var query = Filtered((CrmDbContext)services.GetRequiredService(registered.ContextType), filter);
            total += await query.CountAsync(cancellationToken);
            var entries = await query.OrderByDescending(a => a.OccurredAt).Take(depth).ToListAsync(cancellationToken);
            merged.AddRange(entries.Select(e => new AuditRecord(registered.ModuleId,
                new AuditEntryDto(e.Id, e.TenantId, e.UserName, e.EntityType, e.EntityId, e.Action, e.Changes, e.OccurredAt))));
        }

        var records = merged.OrderByDescending(r => r.Entry.OccurredAt).ThenBy(r => r.ModuleId, StringComparer.Ordinal).Skip(depth - pageSize).Take(pageSize).ToList();
        return new AuditPage(records, total, page, pageSize);
    }

    private IQueryable<AuditEntry> Filtered(CrmDbContext context, AuditFilter filter)
    {
        var tenantId = currentTenant.Id;
        var query = context.Set<AuditEntry>().AsNoTracking().Where(a => a.TenantId == tenantId);
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            query = query.Where(a => a.UserName == filter.UserName.Trim());
        }

        return query;
    }
}
