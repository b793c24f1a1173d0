using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Kernel.Authorization;

/// <summary>
/// Checks every <see cref="RequirePermissionAttribute"/> of the action: not signed in is a challenge (401 on the API,
/// the sign-in page on pages), a missing permission a 403 refusal.
/// </summary>
internal sealed class PermissionFilter(IPermissionChecker checker) : IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var required = context.ActionDescriptor.EndpointMetadata.OfType<RequirePermissionAttribute>().Select(a => a.Permission).Distinct().ToList();
        if (required.Count == 0)
        {
            return;
        }

        if (context.HttpContext.User.Identity?.IsAuthenticated != true)
        {
            context.Result = new ChallengeResult();
            return;
        }

        foreach (var permission in required)
        {
            if (!await checker.IsGrantedAsync(permission, context.HttpContext.RequestAborted))
            {
                context.Result = new RefusalResult(Refusal.Forbidden("forbidden", "This action needs the permission '{0}'.", permission).Titled("Permission required"));
                return;
            }
        }
    }
}
