using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.Identity;

/// <summary>Claim names the kernel puts on a signed-in principal.</summary>
public static class CrmClaims
{
    public const string UserId = "sub";
    public const string UserName = "name";
    public const string TenantId = "tid";
    public const string Unit = "unit";
    public const string Permission = "perm";
    public const string ApiKeyScheme = "ApiKey";
}

/// <summary>The user (cookie) or API key behind the current HTTP request; <c>system</c> outside a request.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(CrmClaims.UserId), out var id) ? id : null;

    public string? UserName => IsAuthenticated ? Principal!.FindFirstValue(CrmClaims.UserName) : accessor.HttpContext is null ? "system" : null;

    public Guid? OrganizationUnitId => Guid.TryParse(Principal?.FindFirstValue(CrmClaims.Unit), out var id) ? id : null;

    public Guid? TenantId => Guid.TryParse(Principal?.FindFirstValue(CrmClaims.TenantId), out var id) ? id : null;

    /// <summary>The permissions of the API key behind the request, or null for users.</summary>
    public IReadOnlyList<string>? ApiKeyPermissions =>
        Principal?.Identity?.AuthenticationType == CrmClaims.ApiKeyScheme
            ? Principal.FindAll(CrmClaims.Permission).Select(c => c.Value).ToList()
            : null;
}
