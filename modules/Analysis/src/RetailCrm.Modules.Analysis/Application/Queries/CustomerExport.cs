using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Analysis.Application.Queries;

/// <summary>The customers behind a figure as a CSV or Excel file, in the list's order, with the list's columns.</summary>
internal sealed class CustomerExport(AnalysisQueries queries, ITableFileWriter writer, IDisplayText display, IStringLocalizer<AnalysisModule> t, TimeProvider time)
{
    /// <summary>The most rows one file holds.</summary>
    public const int MaxRows = 100_000;

    private static readonly string[] Columns =
        ["Code", "Name", "Phone", "Tier", "Lifecycle class", "Segment", "Previous segment", "R", "F", "M", "Purchases", "Spending", "Previous spending", "Last purchase", "Days since", "Problem score", "Reasons"];

    public async Task<Result<TableFile>> ExportAsync(CustomerFilter filter, TableFileFormat format, CancellationToken cancellationToken)
    {
        var found = await queries.FilteredAsync(filter, cancellationToken);
        if (found.IsRefused)
        {
            return found.Refusal;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rows = (await found.Value.Query.Take(MaxRows).ToListAsync(cancellationToken)).Select(s => AnalysisQueries.Shown(s, now)).Select(c => (IReadOnlyList<object?>)
        [
            c.Code, c.DisplayName, c.Phone, c.Tier, display.Name(c.LifecycleClass), c.Segment is { } s ? display.Name(s) : null,
            c.PreviousSegment is { } p ? display.Name(p) : null, c.R, c.F, c.M, c.Frequency, c.Monetary / 100m, c.PreviousMonetary / 100m,
            c.LastPurchaseAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.DaysSinceLastPurchase, c.ProblemScore,
            string.Join(", ", c.Reasons.Select(r => display.Name(r))),
        ]);
        return writer.Write(format, "customers", [.. Columns.Select(c => t[c].Value)], rows);
    }
}
