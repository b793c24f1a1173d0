namespace RetailCrm.Sdk.Web;

/// <summary>How many items wait in one of the user's queues, for the bell in the header.</summary>
/// <param name="Key">Unique across modules, e.g. <c>members.reviews</c>; the bell's entry carries it as <c>data-notification</c>.</param>
/// <param name="Text">What waits, already in the user's language, e.g. <c>Changes to review</c>.</param>
/// <param name="Count">How many; the bell shows only counts above zero.</param>
/// <param name="Url">Where the user works the queue.</param>
public sealed record NotificationCount(string Key, string Text, int Count, string Url);

/// <summary>
/// Counts one queue of the signed-in user for the header's bell (changes to review, failed deliveries, birthdays
/// today). Register with <c>services.AddScoped&lt;INotificationCounter, MyCounter&gt;()</c>. Asked on every page, only when
/// its module is on for the tenant: keep it to one cheap query, and return null when the user may not see the queue.
/// </summary>
public interface INotificationCounter
{
    /// <summary>The queue's count for the current user, or null when the user may not see it.</summary>
    Task<NotificationCount?> CountAsync(CancellationToken cancellationToken);
}

/// <summary>The bell's counts for the current user and tenant; themes render them.</summary>
public interface INotifications
{
    /// <summary>Every counter's count above zero, largest first; may be up to a minute old (the bell is on every page).</summary>
    Task<IReadOnlyList<NotificationCount>> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>The counts afresh (the home page asks so), kept for the next pages.</summary>
    Task<IReadOnlyList<NotificationCount>> RefreshAsync(CancellationToken cancellationToken = default);
}
