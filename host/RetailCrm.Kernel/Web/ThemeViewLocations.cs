using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Branding;

namespace RetailCrm.Kernel.Web;

/// <summary>
/// Renders each request with its tenant's theme: a view is looked for under <c>/Themes/{theme}/</c> first (where a
/// theme other than Basic compiles its views), then at the usual places, which Basic and the modules fill.
/// The theme is part of the view cache's key, so tenants with different themes never share a found view.
/// </summary>
internal sealed class ThemeViewLocations : IViewLocationExpander
{
    private const string Key = "theme";

    public void PopulateValues(ViewLocationExpanderContext context) =>
        context.Values[Key] = context.ActionContext.HttpContext.RequestServices.GetService<TenantBrandingReader>()?.Loaded?.Theme ?? ThemeCatalog.Default;

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        context.Values.TryGetValue(Key, out var theme);
        if (theme is null || theme == ThemeCatalog.Default)
        {
            return viewLocations;
        }

        var locations = viewLocations.ToList();
        return locations.Select(l => "/Themes/" + theme + l).Concat(locations);
    }
}
