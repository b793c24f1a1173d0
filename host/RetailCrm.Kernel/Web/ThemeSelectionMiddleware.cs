using Microsoft.AspNetCore.Http;
using RetailCrm.Kernel.Branding;

namespace RetailCrm.Kernel.Web;

/// <summary>
/// Reads the tenant's branding (and so its theme) before anything renders: finding a view is synchronous
/// (<see cref="ThemeViewLocations"/>), reading a setting is not. The layout reuses what is read here.
/// </summary>
internal sealed class ThemeSelectionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantBrandingReader branding)
    {
        if (!NeverRendered(context.Request.Path))
        {
            await branding.GetAsync(context.RequestAborted);
        }

        await next(context);
    }

    private static bool NeverRendered(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/theme") || path.StartsWithSegments("/branding") || path.StartsWithSegments("/health");
}
