using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>
/// The customer 360° page's timeline: asks each module the tenant has on for its newest entries of the window and
/// merges them newest first. Each module gives at most one more than the page holds, so the merged page is exact and
/// whether older entries are left is known.
/// </summary>
internal sealed class CustomerTimeline(IEnumerable<ITimelineContributor> contributors, EnabledContributions contributions) : ICustomerTimeline
{
    public async Task<TimelinePage> GetAsync(TimelineQuery query, CancellationToken cancellationToken = default)
    {
        var limit = query.Limit;
        var asked = query with { Max = limit + 1 };
        var perModule = await contributions.CollectAsync(
            contributors,
            async (contributor, moduleId) => (await contributor.GetEntriesAsync(asked, cancellationToken))
                .Where(e => query.Admits(e.When)).Select(e => e with { Module = moduleId }).ToList(),
            $"Timeline of customer {query.CustomerId}",
            cancellationToken,
            query.Module);

        // The sort is stable: entries of one module at the same moment keep the order their module gave them.
        var merged = perModule.SelectMany(entries => entries)
            .OrderByDescending(e => e.When).ThenBy(e => e.Module, StringComparer.Ordinal)
            .ToList();
        // The next page starts strictly before the oldest entry shown: entries of that same moment all go on this page.
        var take = Math.Min(limit, merged.Count);
        while (take > 0 && take < merged.Count && merged[take].When == merged[take - 1].When)
        {
            take++;
        }

        return new TimelinePage(merged.Take(take).ToList(), merged.Count > take)
        {
            Modules = await contributions.EnabledModulesAsync(contributors, cancellationToken),
        };
    }
}
