namespace RetailCrm.Sdk.MultiTenancy;

/// <summary>What a unit of the tenant's organization is: head office, region, store or department.</summary>
public enum OrganizationUnitType
{
    /// <summary>The head office (总部); one per tenant.</summary>
    Headquarters,

    /// <summary>A region grouping stores.</summary>
    Region,

    /// <summary>A store (门店): tills, stock and clerks.</summary>
    Store,

    /// <summary>A department of the head office or a region.</summary>
    Department,
}

/// <summary>One organization unit as modules see it: stores and the head office are where stock, tills and people are.</summary>
public sealed record OrganizationUnitInfo(Guid Id, string Code, string Name, OrganizationUnitType Type, Guid? ParentId);

/// <summary>The current tenant's organization units (read only); the host keeps the tree.</summary>
public interface IOrganizationUnits
{
    /// <summary>Every unit of the current tenant, ordered by code.</summary>
    Task<IReadOnlyList<OrganizationUnitInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The unit with this code (case-insensitive), or null.</summary>
    Task<OrganizationUnitInfo?> FindByCodeAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>The unit with this id, or null.</summary>
    Task<OrganizationUnitInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default);
}
