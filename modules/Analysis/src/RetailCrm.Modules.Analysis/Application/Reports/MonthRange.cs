using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Analysis.Application.Reports;

/// <summary>The first days of the first and last months of a report.</summary>
internal sealed record MonthRange(DateOnly From, DateOnly To)
{
    public static Result<MonthRange> Of(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var last = to ?? today;
        var first = from ?? last.AddMonths(-11);
        if (last < first)
        {
            return Refusal.Invalid("analysis/range-invalid", "to", "The range ends ({0}) before it starts ({1}).", last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        return new MonthRange(new DateOnly(first.Year, first.Month, 1), new DateOnly(last.Year, last.Month, 1));
    }
}
