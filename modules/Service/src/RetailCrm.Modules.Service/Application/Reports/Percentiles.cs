namespace RetailCrm.Modules.Service.Application.Reports;

/// <summary>Percentiles by linear interpolation between closest ranks, as PostgreSQL's <c>percentile_cont</c>.</summary>
internal static class Percentiles
{
    /// <summary>The <paramref name="fraction"/> percentile (0.5 the median, 0.9 the 90th) of the values, or null for none.</summary>
    public static double? Of(IReadOnlyCollection<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = fraction * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = (int)Math.Ceiling(rank);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }
}
