using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>The home page's widgets for the current user, from the modules the tenant has on.</summary>
internal sealed class Dashboard(IEnumerable<IDashboardWidget> widgets, EnabledContributions contributions) : IDashboard
{
    public async Task<IReadOnlyList<DashboardWidget>> GetWidgetsAsync(CancellationToken cancellationToken = default) =>
        (await contributions.CollectAsync(widgets, w => w.GetAsync(cancellationToken), "Dashboard widget", cancellationToken))
            .OrderBy(w => w.Order).ThenBy(w => w.Key, StringComparer.Ordinal).ToList();
}
