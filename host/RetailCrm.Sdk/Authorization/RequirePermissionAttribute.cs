namespace RetailCrm.Sdk.Authorization;

/// <summary>
/// Refuses the action with 401 (not signed in) or 403 (permission missing) unless the caller holds the
/// permission in the current tenant. Several attributes on one action all apply. The kernel checks it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(string permission) : Attribute
{
    /// <summary>The permission's name, e.g. <c>cards.pay</c>.</summary>
    public string Permission { get; } = permission;
}
