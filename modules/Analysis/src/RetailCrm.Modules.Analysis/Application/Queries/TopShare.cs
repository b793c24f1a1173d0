namespace RetailCrm.Modules.Analysis.Application.Queries;

/// <summary>The one rule for "the top N % of customers": the Pareto view, the drill-down list and the settings.</summary>
internal static class TopShare
{
    public const int Min = 1, Max = 99;

    public const string Rule = "The top share is 1 to 99 percent of customers.";

    public static bool IsValid(int? percent) => percent is null or (>= Min and <= Max);
}
