using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Cluster;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Kernel.MultiTenancy;

/// <summary>A tenant as the request pipeline needs it.</summary>
public sealed record TenantInfo(Guid Id, string Name, TenantStatus Status, bool IsHost, IReadOnlyList<string> HostNames);

/// <summary>
/// Looks tenants up by id or host name. Cached for a few seconds so that the per-request cost stays
/// small while changes made on another host instance are seen soon; local changes invalidate at once.
/// </summary>
public sealed class TenantStore
{
    private const string Signal = "tenants";
    private readonly ConcurrentDictionary<string, (TenantInfo? Tenant, DateTime Until)> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly IServiceScopeFactory _scopes;
    private readonly ClusterSignals _signals;

    // Bumped on every invalidation, so that a read which raced with a change never caches what it read.
    private long _generation;

    public TenantStore(IServiceScopeFactory scopes, ClusterSignals signals)
    {
        _scopes = scopes;
        _signals = signals;
        signals.Received += signal =>
        {
            if (signal == Signal)
            {
                Interlocked.Increment(ref _generation);
                _cache.Clear();
            }
        };
    }

    public Task<TenantInfo?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Cached("id:" + id, db => db.Tenants.Where(t => t.Id == id), cancellationToken);

    public Task<TenantInfo?> FindByHostAsync(string host, CancellationToken cancellationToken)
    {
        var normalized = host.ToLowerInvariant();
        return Cached("host:" + normalized, db => db.Tenants.Where(t => t.HostNames.Any(h => h.HostName == normalized)), cancellationToken);
    }

    public Task<TenantInfo?> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        Cached("name:" + name, db => db.Tenants.Where(t => t.Name == name), cancellationToken);

    public async Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var tenants = await db.Tenants.AsNoTracking().Include(t => t.HostNames).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return tenants.Select(ToInfo).ToList();
    }

    /// <summary>Forgets every cached tenant here and on the other instances; call after a tenant changed.</summary>
    public Task InvalidateAsync(CancellationToken cancellationToken) => _signals.PublishAsync(Signal, cancellationToken);

    private async Task<TenantInfo?> Cached(string key, Func<KernelDbContext, IQueryable<Tenant>> query, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(key, out var hit) && hit.Until > DateTime.UtcNow)
        {
            return hit.Tenant;
        }

        var generation = Interlocked.Read(ref _generation);
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var tenant = await query(db).AsNoTracking().Include(t => t.HostNames).FirstOrDefaultAsync(cancellationToken);
        var info = tenant is null ? null : ToInfo(tenant);
        if (Interlocked.Read(ref _generation) == generation)
        {
            _cache[key] = (info, DateTime.UtcNow + _signals.CacheLifetime);
        }

        return info;
    }

    private static TenantInfo ToInfo(Tenant tenant) =>
        new(tenant.Id, tenant.Name, tenant.Status, tenant.IsHost, tenant.HostNames.Select(h => h.HostName).Order().ToList());
}
