namespace RetailCrm.Modules.Analysis.Application.Queries;

/// <summary>
/// The rules for "the top N % of customers". A share of revenue is asked of 1 to 99 % (the Pareto view, the settings:
/// the top 100 % bring all of it); the list behind a point of the curve goes to 100 % (every customer who spent),
/// because the curve's last point links to it.
/// </summary>
internal static class TopShare
{
    public const string ShareRule = "The top share is 1 to 99 percent of customers.";

    public const string ListRule = "The top share is 1 to 100 percent of customers.";

    public static bool IsValidShare(int? percent) => percent is null or (>= 1 and <= 99);

    public static bool IsValidList(int? percent) => percent is null or (>= 1 and <= 100);
}
