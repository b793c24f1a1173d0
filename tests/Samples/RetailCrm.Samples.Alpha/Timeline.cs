using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Samples.Alpha;

/// <summary>Alpha's entries of every customer's timeline: one thing a day, 1 to 5 January 2026, the newest first.</summary>
public sealed class AlphaTimeline : ITimelineContributor
{
    public static readonly DateTime First = new(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);

    public const int Count = 5;

    public Task<IReadOnlyList<TimelineEntry>> GetEntriesAsync(TimelineQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TimelineEntry>>(Enumerable.Range(0, Count).Reverse()
            .Select(day => new TimelineEntry(First.AddDays(day), "alpha.thing", "box", $"Alpha thing {day + 1}") { Amount = new MoneyAmount(100 * (day + 1), "CNY") })
            .Where(e => query.Admits(e.When)).Take(query.Limit).ToList());
}
