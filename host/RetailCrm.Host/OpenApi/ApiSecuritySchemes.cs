using RetailCrm.Kernel.Identity;

namespace RetailCrm.Host.OpenApi;

/// <summary>The security schemes of the document, named after the Kernel's authentication schemes: the API key, the sign-in cookie and each module's.</summary>
internal sealed class ApiSecuritySchemes(IApiAuthentication authentication)
{
    public const string ApiKey = "apiKey";
    public const string Cookie = "cookie";

    public IApiAuthentication Authentication => authentication;

    /// <summary>The document's id of a module's scheme, e.g. <c>terminal</c> for the cards module's <c>Terminal</c>.</summary>
    public static string IdOf(ApiAuthenticationScheme scheme) => char.ToLowerInvariant(scheme.Name[0]) + scheme.Name[1..];

    /// <summary>The module scheme an action is limited to (<c>[Authorize(AuthenticationSchemes = ...)]</c>), or null for the API key or cookie.</summary>
    public ApiAuthenticationScheme? ModuleSchemeOf(IEnumerable<object> endpointMetadata)
    {
        var named = endpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
            .SelectMany(a => (a.AuthenticationSchemes ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        return authentication.ModuleSchemes.FirstOrDefault(s => named.Contains(s.Name));
    }
}
