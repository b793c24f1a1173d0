namespace RetailCrm.Sdk.MultiTenancy;

/// <summary>The tenant (retail or trade company) the current request or job works for.</summary>
public interface ICurrentTenant
{
    /// <summary>The tenant's id, or null outside any tenant (host-level work).</summary>
    Guid? Id { get; }

    /// <summary>The tenant's name, or null outside any tenant.</summary>
    string? Name { get; }

    /// <summary>Switches to another tenant until the returned handle is disposed (jobs, event delivery).</summary>
    IDisposable Change(Guid? tenantId, string? name = null);
}

/// <summary>Marks an entity whose rows belong to one tenant; the data layer filters and stamps it.</summary>
public interface ITenantOwned
{
    /// <summary>The tenant the row belongs to; stamped with the current tenant when the row is added.</summary>
    Guid TenantId { get; set; }
}
