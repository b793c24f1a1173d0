namespace RetailCrm.Sdk.MultiTenancy;

/// <summary>The signed-in user or API key behind the current request.</summary>
public interface ICurrentUser
{
    /// <summary>Whether the request carries a signed-in user, an API key or a module's caller (a till).</summary>
    bool IsAuthenticated { get; }

    /// <summary>User id; null for anonymous calls and API keys.</summary>
    Guid? Id { get; }

    /// <summary>User name, or <c>apikey:NAME</c> for an API key, or <c>system</c> for background work.</summary>
    string? UserName { get; }

    /// <summary>The organization unit the user belongs to.</summary>
    Guid? OrganizationUnitId { get; }
}
