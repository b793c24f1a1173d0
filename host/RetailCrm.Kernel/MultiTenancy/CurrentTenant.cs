using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.MultiTenancy;

/// <summary>The current tenant, flowing with the async call (request, job or event delivery).</summary>
internal sealed class CurrentTenant : ICurrentTenant
{
    private static readonly AsyncLocal<TenantScope?> Current = new();

    public Guid? Id => Current.Value?.Id;

    public string? Name => Current.Value?.Name;

    public IDisposable Change(Guid? tenantId, string? name = null)
    {
        var previous = Current.Value;
        Current.Value = new TenantScope(tenantId, name);
        return new Restore(() => Current.Value = previous);
    }

    private sealed record TenantScope(Guid? Id, string? Name);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
