using RetailCrm.Sdk.Events;

namespace RetailCrm.Modules.Analysis.Contracts.Events;

/// <summary>A recompute of the analysis finished: new segments, scores and reports are in place.</summary>
/// <param name="RunId">The recompute.</param>
/// <param name="Customers">How many customers were scored.</param>
/// <param name="Purchases">How many purchases the computation read.</param>
/// <param name="FinishedAt">When (UTC).</param>
[IntegrationEvent("analysis.recomputed")]
public sealed record AnalysisRecomputedIntegrationEvent(Guid RunId, int Customers, long Purchases, DateTime FinishedAt);
