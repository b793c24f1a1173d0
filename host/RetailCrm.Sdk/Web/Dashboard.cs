namespace RetailCrm.Sdk.Web;

/// <summary>
/// A widget of the home page: a figure, a chart, a work queue or a module's own partial. Each user's home shows the
/// widgets their permissions let them see, so every role gets its own home from the same contributors.
/// </summary>
/// <param name="Key">Unique across modules, e.g. <c>cards.liability</c>; the page's element carries it as <c>data-widget</c>.</param>
/// <param name="Title">The heading, already in the user's language.</param>
/// <param name="Content">What the theme draws: <see cref="KpiContent"/>, <see cref="ChartContent"/>, <see cref="QueueContent"/> or <see cref="PartialContent"/>.</param>
/// <param name="Order">Where the widget stands on the page; lower first. Figures come first by convention (below 100).</param>
public sealed record DashboardWidget(string Key, string Title, WidgetContent Content, int Order = 100);

/// <summary>What a <see cref="DashboardWidget"/> shows. The theme draws the kinds the Sdk defines.</summary>
public abstract record WidgetContent;

/// <summary>A key figure: one value, already formatted for the user (money in its major unit with the currency).</summary>
/// <param name="Value">The figure as shown, e.g. <c>12,345.00 CNY</c> or <c>17</c>.</param>
/// <param name="Caption">One line under it, e.g. <c>38 payments today</c>; null for none.</param>
/// <param name="Url">The page behind the figure; null when there is none.</param>
public sealed record KpiContent(string Value, string? Caption = null, string? Url = null) : WidgetContent;

/// <summary>The kinds of chart the theme draws (with Apache ECharts).</summary>
public enum ChartKind
{
    /// <summary>Lines over the categories, one per series.</summary>
    Line,

    /// <summary>Bars over the categories, one per series.</summary>
    Bar,

    /// <summary>A pie of the first series' values over the categories.</summary>
    Pie,
}

/// <summary>One named series of values, in the order of <see cref="ChartContent.Categories"/>.</summary>
/// <param name="Name">The series' name, already in the user's language.</param>
/// <param name="Values">One value per category, in major units for money.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);

/// <summary>A chart of series over categories (days, stores, kinds).</summary>
/// <param name="Kind">Line, bar or pie.</param>
/// <param name="Categories">The x axis (or the pie's slices), already formatted for the user.</param>
/// <param name="Series">The values.</param>
/// <param name="Unit">What the values count, e.g. <c>CNY</c>; shown on the axis; null for plain counts.</param>
public sealed record ChartContent(ChartKind Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, string? Unit = null) : WidgetContent
{
    /// <summary>
    /// The page behind each category, in the order of <see cref="Categories"/> (a bar or slice opens the list behind
    /// it), or null for a chart that opens nothing; a null entry leaves its category unlinked.
    /// </summary>
    public IReadOnlyList<string?>? CategoryUrls { get; init; }
}

/// <summary>One item of a work queue: what to do, and where.</summary>
/// <param name="Text">The item, already in the user's language.</param>
/// <param name="Url">Where the user does it.</param>
/// <param name="Detail">A short second text (a date, a store, a count); null for none.</param>
public sealed record QueueItem(string Text, string Url, string? Detail = null);

/// <summary>A work queue: the first items waiting for the user and how many wait in all.</summary>
/// <param name="Items">The first items, oldest or most urgent first.</param>
/// <param name="Total">How many wait in all (may be more than <paramref name="Items"/> holds).</param>
/// <param name="EmptyText">What an empty queue says, already in the user's language.</param>
/// <param name="MoreUrl">The page of the whole queue; null when there is none.</param>
public sealed record QueueContent(IReadOnlyList<QueueItem> Items, int Total, string EmptyText, string? MoreUrl = null) : WidgetContent;

/// <summary>A module's own widget body, drawn by its Razor partial (e.g. a look-up form).</summary>
/// <param name="PartialView">The partial's path, unique across modules, e.g. <c>~/Web/Views/CardsHome/_CardLookup.cshtml</c>.</param>
/// <param name="Model">The partial's model.</param>
public sealed record PartialContent(string PartialView, object? Model = null) : WidgetContent;

/// <summary>
/// One widget of the home page, contributed by a module or a plugin (and the analysis module's charts). Register it
/// with <c>services.AddScoped&lt;IDashboardWidget, MyWidget&gt;()</c>. Asked only when its module is on for the tenant,
/// for the signed-in user; a widget that throws is left out (and logged), never the page.
/// </summary>
public interface IDashboardWidget
{
    /// <summary>The widget for the current user, or null when the user may not see it (check the permission here).</summary>
    Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken);
}

/// <summary>The home page's widgets for the current user and tenant; the host's home page renders them.</summary>
public interface IDashboard
{
    /// <summary>The widgets of every <see cref="IDashboardWidget"/> of a module the tenant has on, ordered by <see cref="DashboardWidget.Order"/>.</summary>
    Task<IReadOnlyList<DashboardWidget>> GetWidgetsAsync(CancellationToken cancellationToken = default);
}
