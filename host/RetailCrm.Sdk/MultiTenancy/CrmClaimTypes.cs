namespace RetailCrm.Sdk.MultiTenancy;

/// <summary>
/// Claims of a principal the kernel understands. An authentication scheme a module adds (see
/// <see cref="Modularity.ModuleServiceContext.AddAuthenticationScheme{THandler}"/>) sets <see cref="TenantId"/>,
/// so the tenant, the module gate and every check of the request apply to that tenant, whatever the host name.
/// </summary>
public static class CrmClaimTypes
{
    /// <summary>The user's id.</summary>
    public const string UserId = "sub";

    /// <summary>The name of the caller: a user name, <c>apikey:NAME</c>, or a module's caller such as <c>terminal:{id}</c>.</summary>
    public const string UserName = "name";

    /// <summary>The tenant the principal belongs to.</summary>
    public const string TenantId = "tid";

    /// <summary>The organization unit the caller belongs to.</summary>
    public const string Unit = "unit";

    /// <summary>A permission granted to the principal itself (API keys).</summary>
    public const string Permission = "perm";
}
