using RetailCrm.Sdk.Web;

namespace RetailCrm.Samples.Beta;

/// <summary>A timeline contributor that always fails: the kernel leaves it out and the other modules' entries still show.</summary>
internal sealed class BrokenTimeline : ITimelineContributor
{
    public Task<IReadOnlyList<TimelineEntry>> GetEntriesAsync(TimelineQuery query, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Beta's timeline is broken on purpose.");
}
