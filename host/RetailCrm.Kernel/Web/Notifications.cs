using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>The bell's counts for the current user, from the counters of the modules the tenant has on.</summary>
internal sealed class Notifications(IEnumerable<INotificationCounter> counters, EnabledContributions contributions) : INotifications
{
    public async Task<IReadOnlyList<NotificationCount>> GetAsync(CancellationToken cancellationToken = default) =>
        (await contributions.CollectAsync(counters, c => c.CountAsync(cancellationToken), "Notification count", cancellationToken))
            .Where(n => n.Count > 0).OrderByDescending(n => n.Count).ThenBy(n => n.Key, StringComparer.Ordinal).ToList();
}
