namespace RetailCrm.Sdk.Web;

/// <summary>One thing the global search found.</summary>
/// <param name="Group">What it is, already in the user's language (e.g. <c>Customers</c>); hits are shown by group.</param>
/// <param name="Text">The thing as the user knows it, e.g. a customer's code and name.</param>
/// <param name="Detail">A short second text (a masked phone, a card's status); null for none.</param>
/// <param name="Url">Its page.</param>
public sealed record SearchHit(string Group, string Text, string? Detail, string Url);

/// <summary>
/// Finds a module's things for the search box in the header (customers by name, pinyin initials, phone or code;
/// cards by number; more from later modules). Register with <c>services.AddScoped&lt;ISearchContributor, MySearch&gt;()</c>.
/// Asked only when its module is on for the tenant; it finds only what the user may see.
/// </summary>
public interface ISearchContributor
{
    /// <summary>At most <paramref name="limit"/> hits for the term (already trimmed, never empty), best first.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string term, int limit, CancellationToken cancellationToken);
}

/// <summary>The global search over every contributor of a module the tenant has on; the host's search page shows it.</summary>
public interface IGlobalSearch
{
    /// <summary>The hits of every contributor, in the contributors' order; none for a blank term.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string? term, int limitPerContributor = 10, CancellationToken cancellationToken = default);
}
