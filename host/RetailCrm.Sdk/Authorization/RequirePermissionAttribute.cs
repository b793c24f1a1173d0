using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Sdk.Authorization;

/// <summary>
/// Refuses the action with 401 (not signed in) or 403 (permission missing) unless the caller
/// holds the permission in the current tenant.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(string permission) : Attribute, IAsyncAuthorizationFilter
{
    public string Permission { get; } = permission;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (context.HttpContext.User.Identity?.IsAuthenticated != true)
        {
            context.Result = new ChallengeResult();
            return;
        }

        var checker = context.HttpContext.RequestServices.GetRequiredService<IPermissionChecker>();
        if (!await checker.IsGrantedAsync(Permission, context.HttpContext.RequestAborted))
        {
            context.Result = ProblemResults.Result(403, "forbidden", "Permission required", $"This action needs the permission '{Permission}'.");
        }
    }
}
