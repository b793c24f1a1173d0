using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Cluster;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Kernel.MultiTenancy;

/// <summary>
/// Which modules each tenant has switched on. Enabling pulls in dependencies; disabling a module
/// that an enabled module needs is refused. Read on every request, so the answer is cached per
/// tenant for a short time and invalidated at once on this instance when it changes.
/// </summary>
public sealed class ModuleToggles
{
    private const string SignalPrefix = "modules:";
    private readonly ConcurrentDictionary<Guid, (IReadOnlySet<string> Enabled, DateTime Until)> _cache = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly ModuleCatalog _catalog;
    private readonly ICurrentTenant _currentTenant;
    private readonly ClusterSignals _signals;

    // Bumped on every invalidation: a read that started before a change must not cache what it read
    // (a job tick reading a new tenant's modules while they are being switched on would otherwise
    // keep "none enabled" cached after the invalidation).
    private long _generation;

    public ModuleToggles(IServiceScopeFactory scopes, ModuleCatalog catalog, ICurrentTenant currentTenant, ClusterSignals signals)
    {
        _scopes = scopes;
        _catalog = catalog;
        _currentTenant = currentTenant;
        _signals = signals;
        signals.Received += signal =>
        {
            if (signal.StartsWith(SignalPrefix, StringComparison.Ordinal) && Guid.TryParse(signal[SignalPrefix.Length..], out var tenantId))
            {
                Interlocked.Increment(ref _generation);
                _cache.TryRemove(tenantId, out _);
            }
        };
    }

    public async Task<IReadOnlySet<string>> GetEnabledAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        if (_cache.TryGetValue(tenantId, out var hit) && hit.Until > DateTime.UtcNow)
        {
            return hit.Enabled;
        }

        var generation = Interlocked.Read(ref _generation);
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var ids = await db.TenantModules.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.TenantId == tenantId && m.Enabled)
            .Select(m => m.ModuleId)
            .ToListAsync(cancellationToken);
        var running = ids.Where(id => _catalog.Find(id)?.State == ModuleLoadState.Loaded);
        var enabled = new HashSet<string>(running, StringComparer.OrdinalIgnoreCase);
        if (Interlocked.Read(ref _generation) == generation)
        {
            _cache[tenantId] = (enabled, DateTime.UtcNow + _signals.CacheLifetime);
        }

        return enabled;
    }

    public async Task<bool> IsEnabledAsync(Guid tenantId, string moduleId, CancellationToken cancellationToken = default) =>
        (await GetEnabledAsync(tenantId, cancellationToken)).Contains(moduleId);

    /// <summary>
    /// Switches a module on (with the modules it depends on) or off for a tenant, and answers the ids that changed;
    /// refused for a module that is not installed, failed to load, or that an enabled module needs.
    /// </summary>
    public async Task<Result<string[]>> SetAsync(Guid tenantId, string moduleId, bool enabled, CancellationToken cancellationToken = default)
    {
        var module = _catalog.Find(moduleId);
        if (module is null)
        {
            return Refusal.NotFound("module-not-found", "No module '{0}' is installed.", moduleId);
        }

        _cache.TryRemove(tenantId, out _);
        var current = await GetEnabledAsync(tenantId, cancellationToken);
        List<string> changes;
        if (enabled)
        {
            if (module.State != ModuleLoadState.Loaded)
            {
                return Refusal.Conflict("module-toggle-refused", "'{0}' failed to load and cannot be enabled: {1}", module.Id, module.Error ?? "");
            }

            changes = WithDependencies(module).Where(id => !current.Contains(id)).ToList();
        }
        else
        {
            var dependents = _catalog.Running
                .Where(m => current.Contains(m.Id) && m.Manifest.DependsOn.ContainsKey(module.Id))
                .Select(m => m.Id)
                .ToList();
            if (dependents.Count > 0)
            {
                var names = string.Join(", ", dependents.Select(d => $"'{d}'"));
                return dependents.Count == 1
                    ? Refusal.Conflict("module-toggle-refused", "'{0}' cannot be disabled: {1} needs it. Disable it first.", module.Id, names)
                    : Refusal.Conflict("module-toggle-refused", "'{0}' cannot be disabled: {1} need it. Disable them first.", module.Id, names);
            }

            changes = current.Contains(module.Id) ? [module.Id] : [];
        }

        await SaveAsync(tenantId, changes, enabled, cancellationToken);
        return changes.ToArray();
    }

    /// <summary>Switches on every loaded module for a new tenant, or those named.</summary>
    public async Task EnableAllAsync(Guid tenantId, IEnumerable<string>? only, CancellationToken cancellationToken)
    {
        var wanted = only?.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ids = _catalog.Running
            .Where(m => wanted is null || wanted.Contains(m.Id))
            .SelectMany(WithDependencies)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        await SaveAsync(tenantId, ids, true, cancellationToken);
    }

    private IEnumerable<string> WithDependencies(InstalledModule module)
    {
        foreach (var dependencyId in module.Manifest.DependsOn.Keys)
        {
            if (_catalog.Find(dependencyId) is { } dependency)
            {
                foreach (var id in WithDependencies(dependency))
                {
                    yield return id;
                }
            }
        }

        yield return module.Id;
    }

    private async Task SaveAsync(Guid tenantId, List<string> moduleIds, bool enabled, CancellationToken cancellationToken)
    {
        if (moduleIds.Count == 0)
        {
            return;
        }

        using var tenantScope = _currentTenant.Change(tenantId);
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var rows = await db.TenantModules.Where(m => moduleIds.Contains(m.ModuleId)).ToListAsync(cancellationToken);
        foreach (var id in moduleIds.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var row = rows.FirstOrDefault(r => r.ModuleId.Equals(id, StringComparison.OrdinalIgnoreCase));
            if (row is null)
            {
                db.TenantModules.Add(new TenantModule { TenantId = tenantId, ModuleId = id, Enabled = enabled, ChangedAt = DateTime.UtcNow });
            }
            else
            {
                row.Enabled = enabled;
                row.ChangedAt = DateTime.UtcNow;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await _signals.PublishAsync(SignalPrefix + tenantId, cancellationToken);
    }
}
