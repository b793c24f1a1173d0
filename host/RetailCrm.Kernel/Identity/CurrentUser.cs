using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.Identity;

/// <summary>Claim names the kernel puts on a signed-in principal (the Sdk's <see cref="CrmClaimTypes"/>), and the API key scheme.</summary>
internal static class CrmClaims
{
    public const string UserId = CrmClaimTypes.UserId;
    public const string UserName = CrmClaimTypes.UserName;
    public const string TenantId = CrmClaimTypes.TenantId;
    public const string Unit = CrmClaimTypes.Unit;
    public const string Permission = CrmClaimTypes.Permission;
    public const string ApiKeyScheme = "ApiKey";
}

/// <summary>The user (cookie), API key or module caller (a till) behind the current HTTP request; <c>system</c> outside a request.</summary>
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
