using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace RetailCrm.Kernel.Identity;

/// <summary>An authentication scheme chosen by a request header; its handler's XML doc says how a caller fills it.</summary>
public sealed record ApiAuthenticationScheme(string Name, string Header, Type HandlerType);

/// <summary>How callers of the API authenticate, as the API description names it.</summary>
public interface IApiAuthentication
{
    /// <summary>The integration key (<c>X-Api-Key</c>), bound to a tenant and a list of permissions.</summary>
    ApiAuthenticationScheme ApiKey { get; }

    /// <summary>The name of the cookie the sign-in page sets.</summary>
    string SignInCookie { get; }

    /// <summary>The schemes modules added for callers that are not users, e.g. a till that signs its requests.</summary>
    IReadOnlyList<ApiAuthenticationScheme> ModuleSchemes { get; }
}

internal sealed class ApiAuthentication(ModuleAuthenticationSchemes modules, IOptionsMonitor<CookieAuthenticationOptions> cookies) : IApiAuthentication
{
    public ApiAuthenticationScheme ApiKey { get; } = new(CrmClaims.ApiKeyScheme, ApiKeyAuthenticationHandler.Header, typeof(ApiKeyAuthenticationHandler));

    public string SignInCookie => cookies.Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie.Name
        ?? throw new InvalidOperationException("The sign-in cookie has no name.");

    public IReadOnlyList<ApiAuthenticationScheme> ModuleSchemes => modules.All;
}
