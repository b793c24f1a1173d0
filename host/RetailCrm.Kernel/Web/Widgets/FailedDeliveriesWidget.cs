using System.Globalization;
using RetailCrm.Kernel.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web.Widgets;

/// <summary>The administrator's queue of integration event deliveries that gave up: each waits for a look and a retry.</summary>
internal sealed class FailedDeliveriesWidget(IEventDeliveryAdministration deliveries, IPermissionChecker permissions, IPageLocalizer texts) : IDashboardWidget
{
    public const int Shown = 5;

    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(KernelPermissions.Events, cancellationToken))
        {
            return null;
        }

        var failed = await deliveries.FailedAsync(cancellationToken);
        var items = failed.Take(Shown)
            .Select(d => new QueueItem($"{d.EventName} → {d.Handler}", "/admin/events",
                T("{0} attempts", d.Attempts.ToString(CultureInfo.InvariantCulture))))
            .ToList();
        return new DashboardWidget("crm.failed-deliveries", T("Failed event deliveries"),
            new QueueContent(items, failed.Count, T("Every event was delivered."), "/admin/events"), 60);
    }

    private string T(string text, params object[] arguments) => texts.Text(LocalizableText.Of(text, arguments));
}

/// <summary>The bell's count of failed deliveries, for administrators of event deliveries.</summary>
internal sealed class FailedDeliveriesCounter(IEventDeliveryAdministration deliveries, IPermissionChecker permissions, IPageLocalizer texts) : INotificationCounter
{
    public async Task<NotificationCount?> CountAsync(CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(KernelPermissions.Events, cancellationToken))
        {
            return null;
        }

        var count = await deliveries.FailedCountAsync(cancellationToken);
        return new NotificationCount("crm.failed-deliveries", texts.Text(LocalizableText.Of("Failed event deliveries")), count, "/admin/events");
    }
}
