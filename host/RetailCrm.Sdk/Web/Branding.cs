namespace RetailCrm.Sdk.Web;

/// <summary>
/// How the current tenant presents itself: the product name and logo in the header, the primary colour and the theme.
/// A theme's layout reads it through <see cref="ITenantBranding"/>.
/// </summary>
/// <param name="ProductName">The name in the header and the page title.</param>
/// <param name="LogoUrl">Where the tenant's logo is served (changes with the logo, so it can be cached), or null without one.</param>
/// <param name="PrimaryColor">The tenant's primary colour as <c>#rrggbb</c>, or null to keep the theme's.</param>
/// <param name="Theme">The name of the theme the tenant's pages render with (one that is loaded).</param>
public sealed record TenantBranding(string ProductName, string? LogoUrl, string? PrimaryColor, string Theme);

/// <summary>The current tenant's branding; read once per request.</summary>
public interface ITenantBranding
{
    /// <summary>The branding of the current tenant (the product's defaults when there is none).</summary>
    Task<TenantBranding> GetAsync(CancellationToken cancellationToken = default);
}
