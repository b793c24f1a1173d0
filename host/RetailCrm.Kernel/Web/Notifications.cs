using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>
/// The bell's counts for the current user, from the counters of the modules the tenant has on. The bell is on every
/// page, so its counts are kept for <see cref="Freshness"/> per user and language: browsing costs no query per page.
/// The home page counts afresh (<see cref="RefreshAsync"/>), so what it shows is never stale.
/// </summary>
internal sealed class Notifications(
    IEnumerable<INotificationCounter> counters, EnabledContributions contributions, IMemoryCache cache, ICurrentTenant tenant, ICurrentUser user) : INotifications
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<NotificationCount>> GetAsync(CancellationToken cancellationToken = default) =>
        cache.TryGetValue(Key, out IReadOnlyList<NotificationCount>? kept) && kept is not null ? kept : await RefreshAsync(cancellationToken);

    public async Task<IReadOnlyList<NotificationCount>> RefreshAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<NotificationCount> counts = (await contributions.CollectAsync(counters, c => c.CountAsync(cancellationToken), "Notification count", cancellationToken))
            .Where(n => n.Count > 0).OrderByDescending(n => n.Count).ThenBy(n => n.Key, StringComparer.Ordinal).ToList();
        cache.Set(Key, counts, Freshness);
        return counts;
    }

    private (string, Guid?, Guid?, string) Key => ("notifications", tenant.Id, user.Id, CultureInfo.CurrentUICulture.Name);
}
