using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Analysis.Domain.Rfm;

/// <summary>
/// A tenant's settings of the analysis: the window the RFM scores look at (a number of days up to today, or fixed
/// dates), the weights of frequency and monetary in the FM score and of R, F and M in the total score, the segment
/// map, and the thresholds of dormant and problem customers. One row per tenant; none means the defaults.
/// </summary>
internal sealed class AnalysisConfiguration : ITenantOwned
{
    public const int DefaultWindowDays = 365;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The window's length in days, ending today, when no fixed dates are set.</summary>
    public int WindowDays { get; set; } = DefaultWindowDays;

    /// <summary>A fixed window's first day; with <see cref="WindowEnd"/>.</summary>
    public DateOnly? WindowStart { get; set; }

    /// <summary>A fixed window's last day (included).</summary>
    public DateOnly? WindowEnd { get; set; }

    public decimal RecencyWeight { get; set; } = 1;

    public decimal FrequencyWeight { get; set; } = 1;

    public decimal MonetaryWeight { get; set; } = 1;

    /// <summary>Days without a purchase after which a customer is dormant.</summary>
    public int DormantDays { get; set; } = 180;

    /// <summary>The problem score (0–100) from which a customer is listed as a problem customer.</summary>
    public int ProblemThreshold { get; set; } = 20;

    /// <summary>The N of "the top N % of customers bring X % of revenue".</summary>
    public int TopPercent { get; set; } = 20;

    /// <summary>The segment map as JSON (<see cref="SegmentRule"/>s); empty for the default map.</summary>
    public string SegmentMapJson { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>The current window as [start, end) in UTC days for a run on <paramref name="today"/>, and the previous window of the same length before it.</summary>
    public (DateTime Start, DateTime End, DateTime PreviousStart) Windows(DateOnly today)
    {
        var end = (WindowEnd ?? today).AddDays(1);
        var start = WindowStart ?? end.AddDays(-WindowDays);
        var length = end.DayNumber - start.DayNumber;
        var previousStart = start.AddDays(-length);
        return (Utc(start), Utc(end), Utc(previousStart));
    }

    private static DateTime Utc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
