namespace RetailCrm.Modules.Analysis.Contracts;

/// <summary>Permission names of the analysis module.</summary>
public static class AnalysisPermissions
{
    /// <summary>See the analysis of customers (within the user's data scope) and its dashboard widgets.</summary>
    public const string View = "analysis.view";

    /// <summary>Turn a segment or list into an action: a tag, an outbound call list, a greeting.</summary>
    public const string Act = "analysis.act";

    /// <summary>Export the customers behind a figure (CSV, Excel).</summary>
    public const string Export = "analysis.export";

    /// <summary>Start a recompute or a full rebuild.</summary>
    public const string Recompute = "analysis.recompute";

    /// <summary>Change the RFM windows, weights, segment map and thresholds.</summary>
    public const string Configure = "analysis.configure";

    /// <summary>See the business reports: card business (the liability), service and pipeline statistics.</summary>
    public const string Business = "analysis.business";
}
