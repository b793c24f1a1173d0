using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>
/// The files a theme serves (its scripts, and front-end packages such as Apache ECharts that its build brings from
/// the npm registry), embedded in the theme's assembly as <c>theme/{path}</c> and answered at <c>/theme/{path}</c>.
/// A theme loaded at run time has no static web assets of its own; this is how it ships files without a CDN.
/// A file is looked for in the tenant's theme first, then in Basic (<see cref="ThemeCatalog.LookupOrder"/>).
/// </summary>
internal sealed class ThemeAssets(ThemeCatalog themes)
{
    private const string Prefix = "theme/";
    private static readonly FileExtensionContentTypeProvider s_contentTypes = new();

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/theme/{**path}", (string path, ThemeAssets assets, HttpContext context) => assets.Answer(path, context))
            .AllowAnonymous()
            .ExcludeFromDescription();

    private async Task<IResult> Answer(string path, HttpContext context)
    {
        var branding = await context.RequestServices.GetRequiredService<ITenantBranding>().GetAsync(context.RequestAborted);
        foreach (var theme in themes.LookupOrder(branding.Theme))
        {
            if (theme.GetManifestResourceStream(Prefix + path) is { } stream)
            {
                // The file changes only with the theme's build: a day in the browser's cache, revalidated by version.
                context.Response.Headers.CacheControl = "public, max-age=86400";
                var version = theme.ManifestModule.ModuleVersionId.ToString("N");
                return Results.Stream(stream, s_contentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream",
                    entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
            }
        }

        return Results.NotFound();
    }
}
