using System.Globalization;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>The navigation for the current user: menu items of the modules the tenant has on, filtered by permission.</summary>
internal sealed class MenuBuilder : INavigationMenu
{
    private readonly IEnumerable<IMenuContributor> _contributors;
    private readonly ModuleCatalog _catalog;
    private readonly ModuleToggles _toggles;
    private readonly ICurrentTenant _tenant;
    private readonly IPermissionChecker _permissions;

    public MenuBuilder(IEnumerable<IMenuContributor> contributors, ModuleCatalog catalog, ModuleToggles toggles, ICurrentTenant tenant, IPermissionChecker permissions)
    {
        _contributors = contributors;
        _catalog = catalog;
        _toggles = toggles;
        _tenant = tenant;
        _permissions = permissions;
    }

    /// <summary>
    /// The entries grouped: each module's items under its display name, in the order of their first item, then the
    /// administration areas (<see cref="MenuSections"/>) in their fixed order. Within a group the items keep their order.
    /// </summary>
    public async Task<IReadOnlyList<NavigationEntry>> GetAsync(CancellationToken cancellationToken = default)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        var entries = (await BuildAsync(cancellationToken)).Select(i =>
        {
            var section = MenuSectionTitles.Find(i.Item.Section);
            return new NavigationEntry(i.Item.Key, i.Text, i.Item.Url, i.Item.ModuleId)
            {
                Icon = i.Item.Icon,
                Group = section?.Key ?? i.Item.ModuleId,
                GroupText = section?.Text(culture) ?? ModuleTitle(i.Item.ModuleId, culture),
            };
        }).ToList();

        return entries
            .GroupBy(e => e.Group, StringComparer.Ordinal)
            .OrderBy(g => MenuSectionTitles.Rank(g.Key))
            .ThenBy(g => entries.IndexOf(g.First()))
            .SelectMany(g => g)
            .ToList();
    }

    private string ModuleTitle(string moduleId, string culture) =>
        moduleId.Length == 0 ? MenuSectionTitles.Find(MenuSections.System)!.Text(culture)
        : _catalog.Find(moduleId)?.Manifest.DisplayNameFor(culture) ?? moduleId;

    public async Task<IReadOnlyList<(MenuItem Item, string Text)>> BuildAsync(CancellationToken cancellationToken)
    {
        if (_tenant.Id is not { } tenantId)
        {
            return [];
        }

        var enabled = await _toggles.GetEnabledAsync(tenantId, cancellationToken);
        var chinese = ReaderLanguage.IsChinese;
        var items = new List<(MenuItem, string)>();
        foreach (var contributor in _contributors)
        {
            var moduleId = _catalog.OwnerOf(contributor.GetType())?.Id ?? "";
            if (moduleId.Length > 0 && !enabled.Contains(moduleId))
            {
                continue;
            }

            foreach (var item in contributor.GetMenuItems())
            {
                item.ModuleId = moduleId;
                if (item.RequiredPermission is null || await _permissions.IsGrantedAsync(item.RequiredPermission, cancellationToken))
                {
                    items.Add((item, chinese && item.TextZh is not null ? item.TextZh : item.Text));
                }
            }
        }

        return items.OrderBy(i => i.Item1.Order).ThenBy(i => i.Item2, StringComparer.CurrentCulture).ToList();
    }
}
