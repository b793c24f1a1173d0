using System.Linq.Expressions;

namespace RetailCrm.Sdk.Authorization;

/// <summary>A permission a module declares, e.g. <c>members.customers.edit</c>.</summary>
public sealed record PermissionDefinition(string Name, string DisplayName, string? DisplayNameZh = null)
{
    /// <summary>Default roles (see <see cref="DefaultRoles"/>) that get this permission when a tenant is created.</summary>
    public IReadOnlyList<string> GrantedByDefaultTo { get; init; } = [];

    /// <summary>Only the platform operator's own tenant can hold it (e.g. managing tenants).</summary>
    public bool PlatformOnly { get; init; }

    /// <summary>Id of the module that declared it; set by the kernel.</summary>
    public string ModuleId { get; internal set; } = "";
}

/// <summary>Collects permission definitions from providers.</summary>
public interface IPermissionDefinitionContext
{
    /// <summary>Declares a permission; names are unique across modules.</summary>
    PermissionDefinition Add(PermissionDefinition definition);
}

/// <summary>The roles every new tenant starts with (DOMAIN.md); tenants may edit them.</summary>
public static class DefaultRoles
{
    /// <summary>Tenant administrator: holds every permission.</summary>
    public const string Admin = "admin";

    /// <summary>Manager (经理): dashboards and decisions, all rows.</summary>
    public const string Manager = "manager";

    /// <summary>Department supervisor (部门主管): first review of the team's work, own unit and below.</summary>
    public const string DepartmentSupervisor = "department-supervisor";

    /// <summary>Sales person (业务员): own prospects and opportunities.</summary>
    public const string SalesPerson = "sales-person";

    /// <summary>Data entry clerk (数据录入): bulk keying and imports for the own unit.</summary>
    public const string DataEntry = "data-entry";

    /// <summary>Customer service agent (客户服务).</summary>
    public const string CustomerService = "customer-service";

    /// <summary>Data administrator (数据管理): final approval of master-data changes.</summary>
    public const string DataAdministrator = "data-administrator";

    /// <summary>Platform maintenance (平台维护).</summary>
    public const string PlatformMaintenance = "platform-maintenance";

    /// <summary>Store clerk (门店店员): the till and the store's stock, own unit.</summary>
    public const string StoreClerk = "store-clerk";

    /// <summary>Name, English and Chinese display names, and data scope of each default role.</summary>
    public static readonly IReadOnlyList<(string Name, string DisplayName, string DisplayNameZh, DataScope Scope)> All =
    [
        (Admin, "Tenant administrator", "租户管理员", DataScope.All),
        (Manager, "Manager", "经理", DataScope.All),
        (DepartmentSupervisor, "Department supervisor", "部门主管", DataScope.MyUnitAndBelow),
        (SalesPerson, "Sales person", "业务员", DataScope.Own),
        (DataEntry, "Data entry", "数据录入", DataScope.MyUnit),
        (CustomerService, "Customer service", "客户服务", DataScope.All),
        (DataAdministrator, "Data administrator", "数据管理", DataScope.All),
        (PlatformMaintenance, "Platform maintenance", "平台维护", DataScope.All),
        (StoreClerk, "Store clerk", "门店店员", DataScope.MyUnit),
    ];
}

/// <summary>Declares a module's permissions. Register with <c>services.AddSingleton&lt;IPermissionDefinitionProvider, T&gt;()</c>.</summary>
public interface IPermissionDefinitionProvider
{
    /// <summary>Declares the module's permissions into the context.</summary>
    void Define(IPermissionDefinitionContext context);
}

/// <summary>Answers whether the current user holds a permission in the current tenant.</summary>
public interface IPermissionChecker
{
    /// <summary>Whether the caller holds the permission; false outside a tenant, for anonymous callers and for a module the tenant has off.</summary>
    Task<bool> IsGrantedAsync(string permission, CancellationToken cancellationToken = default);
}

/// <summary>How far a role's view of the data reaches.</summary>
public enum DataScope
{
    /// <summary>Only rows the user owns.</summary>
    Own = 0,

    /// <summary>Rows of the user's organization unit.</summary>
    MyUnit = 1,

    /// <summary>Rows of the user's unit and every unit below it.</summary>
    MyUnitAndBelow = 2,

    /// <summary>Every row of the tenant.</summary>
    All = 3,
}

/// <summary>The widest data scope the current user's roles give, resolved to concrete ids.</summary>
public sealed record DataScopeFilter(DataScope Scope, Guid? UserId, IReadOnlyCollection<Guid> UnitIds)
{
    /// <summary>No restriction: every row of the tenant.</summary>
    public static readonly DataScopeFilter Everything = new(DataScope.All, null, []);
}

/// <summary>Resolves the current user's data scope; every module query applies it.</summary>
public interface IDataScopeProvider
{
    /// <summary>The widest scope of the current user's roles, with the user and unit ids it reaches.</summary>
    Task<DataScopeFilter> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps the rows of <paramref name="query"/> the current user may see: all of them, the user's own
    /// (<paramref name="owner"/>), or those of the units the scope reaches (<paramref name="unit"/>).
    /// </summary>
    Task<IQueryable<T>> ApplyAsync<T>(IQueryable<T> query, Expression<Func<T, Guid?>> owner, Expression<Func<T, Guid?>> unit, CancellationToken cancellationToken = default);
}
