using RetailCrm.Sdk.Results;

namespace RetailCrm.Sdk.Web;

/// <summary>
/// One thing that happened to a customer, as the customer 360° page's timeline shows it: a card sold, a payment, a
/// change of the record, a merge.
/// </summary>
/// <param name="When">When it happened (UTC); the timeline is ordered by it, newest first.</param>
/// <param name="Kind">What happened, unique across modules by convention <c>{module}.{what}</c>, e.g. <c>cards.payment</c>; the page filters by it.</param>
/// <param name="Icon">A Lucide icon name (https://lucide.dev/icons), e.g. <c>credit-card</c>.</param>
/// <param name="Title">One line, already in the user's language.</param>
public sealed record TimelineEntry(DateTime When, string Kind, string Icon, string Title)
{
    /// <summary>A second line (a store, a receipt, who did it), already in the user's language; none when null.</summary>
    public string? Detail { get; init; }

    /// <summary>The money it was about, as a positive amount (a payment of 88.50 is 88.50); none when null.</summary>
    public MoneyAmount? Amount { get; init; }

    /// <summary>The page of the thing itself (the card, the merge), or null.</summary>
    public string? Url { get; init; }

    /// <summary>Id of the module that contributed it; set by the kernel.</summary>
    public string Module { get; init; } = "";
}

/// <summary>Which part of a customer's timeline to read: the entries before a moment, at most so many.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Before">Only entries strictly before this moment (UTC); null for the newest.</param>
/// <param name="Max">At most this many entries (1 to <see cref="MaxEntries"/>).</param>
public sealed record TimelineQuery(Guid CustomerId, DateTime? Before = null, int Max = TimelineQuery.DefaultEntries)
{
    /// <summary>Entries a page of the timeline shows unless asked otherwise.</summary>
    public const int DefaultEntries = 25;

    /// <summary>The most entries one query may ask for.</summary>
    public const int MaxEntries = 200;

    /// <summary>Only the entries of this module (its id), or of all when null.</summary>
    public string? Module { get; init; }

    /// <summary><see cref="Max"/> brought into range.</summary>
    public int Limit => Math.Clamp(Max, 1, MaxEntries);

    /// <summary>Whether an entry of this moment falls into the window (before <see cref="Before"/>).</summary>
    public bool Admits(DateTime when) => Before is not { } before || when < before;
}

/// <summary>A page of a customer's timeline: newest first, and where the next page starts.</summary>
/// <param name="Entries">The entries, newest first.</param>
/// <param name="HasMore">Whether older entries are left (ask again with <see cref="TimelineQuery.Before"/> = <see cref="NextBefore"/>).</param>
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, bool HasMore)
{
    /// <summary>The <see cref="TimelineQuery.Before"/> of the next page: the oldest entry's moment; null when there is no more.</summary>
    public DateTime? NextBefore => HasMore && Entries.Count > 0 ? Entries[^1].When : null;

    /// <summary>The ids of the modules the tenant has on that contribute to timelines (for a filter); filled by the kernel.</summary>
    public IReadOnlyList<string> Modules { get; init; } = [];
}

/// <summary>
/// Contributes a module's entries to the customer 360° page's timeline. Register it with
/// <c>services.AddScoped&lt;ITimelineContributor, MyTimeline&gt;()</c>. Asked only when its module is on for the tenant;
/// one that throws is left out (and logged), never the page.
/// </summary>
public interface ITimelineContributor
{
    /// <summary>
    /// The customer's entries admitted by <see cref="TimelineQuery.Admits"/>, newest first, at most
    /// <see cref="TimelineQuery.Limit"/>; none when the user may not see them.
    /// </summary>
    Task<IReadOnlyList<TimelineEntry>> GetEntriesAsync(TimelineQuery query, CancellationToken cancellationToken);
}

/// <summary>The customer's timeline: the entries of every <see cref="ITimelineContributor"/> of a module the tenant has on, merged.</summary>
public interface ICustomerTimeline
{
    /// <summary>The newest entries of the window, newest first, at most <see cref="TimelineQuery.Limit"/>.</summary>
    Task<TimelinePage> GetAsync(TimelineQuery query, CancellationToken cancellationToken = default);
}

/// <summary>
/// What a module adds to the summary of the customer 360° page: tiles of its figures, and what the customer spent
/// with it (card payments), which the page adds to the customer's spending.
/// </summary>
public sealed record CustomerSummaryPart
{
    /// <summary>The module's figures, shown as tiles.</summary>
    public IReadOnlyList<SummaryTile> Tiles { get; init; } = [];

    /// <summary>Money the customer paid through the module (net of reversals and refunds), one amount per currency.</summary>
    public IReadOnlyList<MoneyAmount> Spent { get; init; } = [];

    /// <summary>
    /// The tender of those payments as purchases record it (e.g. <c>card</c>): purchases the customer recorded with it
    /// are the same money and are not counted again; null when none overlap.
    /// </summary>
    public string? Tender { get; init; }

    /// <summary>Id of the module that contributed it; set by the kernel.</summary>
    public string Module { get; init; } = "";
}

/// <summary>One figure of the customer's summary.</summary>
/// <param name="Key">Unique across modules, e.g. <c>cards.balance</c>; the page's element carries it as <c>data-tile</c>.</param>
/// <param name="Title">What the figure is, already in the user's language.</param>
/// <param name="Value">The figure as shown, e.g. <c>461.50 CNY</c> or <c>2</c>.</param>
/// <param name="Url">The page behind the figure, or null.</param>
public sealed record SummaryTile(string Key, string Title, string Value, string? Url = null);

/// <summary>
/// Contributes to the summary of the customer 360° page. Register it with
/// <c>services.AddScoped&lt;ICustomerSummaryContributor, MySummary&gt;()</c>; asked only when its module is on for the
/// tenant; one that throws is left out (and logged).
/// </summary>
public interface ICustomerSummaryContributor
{
    /// <summary>The module's part of the customer's summary, or null for none (e.g. the user may not see it).</summary>
    Task<CustomerSummaryPart?> GetAsync(Guid customerId, CancellationToken cancellationToken);
}

/// <summary>The parts of the customer's summary from the modules the tenant has on.</summary>
public interface ICustomerSummary
{
    /// <summary>Every contributed part, ordered by module id.</summary>
    Task<IReadOnlyList<CustomerSummaryPart>> GetAsync(Guid customerId, CancellationToken cancellationToken = default);
}
