using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>The global search: every search contributor of the modules the tenant has on.</summary>
internal sealed class GlobalSearch(IEnumerable<ISearchContributor> contributors, EnabledContributions contributions) : IGlobalSearch
{
    public const int MaxTermLength = 100;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string? term, int limitPerContributor = 10, CancellationToken cancellationToken = default)
    {
        var trimmed = term?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return [];
        }

        trimmed = trimmed.Length > MaxTermLength ? trimmed[..MaxTermLength] : trimmed;
        var found = await contributions.CollectAsync<ISearchContributor, IReadOnlyList<SearchHit>>(contributors, async c => await c.SearchAsync(trimmed, limitPerContributor, cancellationToken), "Search", cancellationToken);
        return [.. found.SelectMany(hits => hits)];
    }
}
