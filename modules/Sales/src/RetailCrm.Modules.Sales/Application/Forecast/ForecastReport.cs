namespace RetailCrm.Modules.Sales.Application.Forecast;

/// <summary>How the forecast cuts time.</summary>
internal enum ForecastPeriod
{
    Month,
    Quarter,
}

/// <summary>Whose figures the forecast's rows are.</summary>
internal enum ForecastGrouping
{
    Person,
    Unit,
}

/// <summary>What the forecast is asked for: <see cref="Count"/> periods from the one holding <see cref="From"/>.</summary>
internal sealed record ForecastQuery(ForecastPeriod Period, DateOnly From, int Count, ForecastGrouping GroupBy, Guid? PipelineId)
{
    public const int MaxPeriods = 24;

    /// <summary>Six months or four quarters unless <paramref name="count"/> says otherwise.</summary>
    public static int DefaultCount(ForecastPeriod period, int? count) => count ?? (period == ForecastPeriod.Quarter ? 4 : 6);
}

/// <summary>
/// The figures of a forecast cell, in minor units. <see cref="Won"/> closed won in the period; <see cref="Commit"/> is
/// won plus the open deals committed; <see cref="BestCase"/> adds those that could close; <see cref="Weighted"/> is won
/// plus every open deal's amount times its stage's probability; <see cref="Pipeline"/> is the open amount unweighted.
/// Omitted deals count nowhere.
/// </summary>
internal sealed record ForecastFigures(long Won, long Commit, long BestCase, long Weighted, long Pipeline, int OpenDeals)
{
    public static readonly ForecastFigures Zero = new(0, 0, 0, 0, 0, 0);

    public ForecastFigures Plus(ForecastFigures o) =>
        new(Won + o.Won, Commit + o.Commit, BestCase + o.BestCase, Weighted + o.Weighted, Pipeline + o.Pipeline, OpenDeals + o.OpenDeals);
}

/// <summary>One period of the forecast, e.g. <c>2026-12</c> or <c>2026-Q4</c>: [<see cref="From"/>, <see cref="To"/>) in the sales time zone.</summary>
internal sealed record ForecastBucket(string Key, DateOnly From, DateOnly To, ForecastFigures Figures);

/// <summary>One person's or unit's figures over the whole range; <see cref="Id"/> null for deals of no unit.</summary>
internal sealed record ForecastRow(Guid? Id, string Name, ForecastFigures Figures);

/// <summary>
/// The forecast over the range, by period and by person or unit, with its total. Open deals without an expected close
/// date are in <see cref="Undated"/>, not in any period.
/// </summary>
internal sealed record ForecastReport(ForecastQuery Query, string Currency, IReadOnlyList<ForecastBucket> Buckets, IReadOnlyList<ForecastRow> Rows, ForecastFigures Total, ForecastFigures Undated);
