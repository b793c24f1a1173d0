using Microsoft.AspNetCore.Http;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Identity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Kernel.Web;

/// <summary>
/// Sets the current tenant for the request: the signed-in user's (or API key's) tenant first,
/// then the request's host name, then the <c>X-Tenant</c> header (id or name) for API clients.
/// A suspended or unknown tenant is refused with problem details.
/// </summary>
internal sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public const string Header = "X-Tenant";

    public async Task InvokeAsync(HttpContext context, TenantStore tenants, ICurrentTenant currentTenant, CurrentUser user, IRefusalWriter refusals)
    {
        var aborted = context.RequestAborted;
        TenantInfo? tenant;
        if (user.TenantId is { } claimed)
        {
            tenant = await tenants.FindAsync(claimed, aborted);
        }
        else if (context.Request.Headers.TryGetValue(Header, out var header) && header.ToString() is { Length: > 0 } wanted)
        {
            tenant = Guid.TryParse(wanted, out var id) ? await tenants.FindAsync(id, aborted) : await tenants.FindByNameAsync(wanted, aborted);
            if (tenant is null)
            {
                await refusals.WriteAsync(context, Refusal.Invalid("unknown-tenant", Header, "No tenant '{0}' exists (header {1}).", wanted, Header).Titled("Unknown tenant"));
                return;
            }
        }
        else
        {
            tenant = await tenants.FindByHostAsync(context.Request.Host.Host, aborted);
        }

        if (tenant is { Status: TenantStatus.Suspended })
        {
            await refusals.WriteAsync(context, Refusal.Forbidden("tenant-suspended", "The tenant '{0}' is suspended.", tenant.Name).Titled("Tenant suspended"));
            return;
        }

        using (currentTenant.Change(tenant?.Id, tenant?.Name))
        {
            await next(context);
        }
    }
}

/// <summary>Answers 404 for an endpoint whose module is off for the current tenant (or when there is no tenant).</summary>
internal sealed class ModuleGateMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ICurrentTenant currentTenant, ModuleToggles toggles, IRefusalWriter refusals)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ModuleEndpointMetadata>() is { } module
            && (currentTenant.Id is not { } tenantId || !await toggles.IsEnabledAsync(tenantId, module.ModuleId, context.RequestAborted)))
        {
            await refusals.WriteAsync(context, Refusal.NotFound("not-found", "Nothing is here."));
            return;
        }

        await next(context);
    }
}
