using RetailCrm.Modules.Analysis.Contracts;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Analysis.Domain.Runs;

/// <summary>The steps of a recompute, in order; the page shows the one running.</summary>
internal enum RecomputePhase
{
    Queued,
    Rebuilding,
    ReadingCustomers,
    LoadingFacts,
    Computing,
    Writing,
    Done,
}

/// <summary>One recompute of a tenant's analysis: who asked, how far it is, what it found or why it failed.</summary>
[NotAudited]
internal sealed class RecomputeRun : ITenantOwned
{
    public const int MaxErrorLength = 2000;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public RecomputeStatus Status { get; set; }

    public RecomputePhase Phase { get; set; }

    /// <summary>0–100.</summary>
    public int Progress { get; set; }

    /// <summary>Whether the facts are read again in full from the other modules first.</summary>
    public bool Rebuild { get; set; }

    /// <summary><c>schedule</c>, <c>manual</c> or <c>demo</c>.</summary>
    public string Trigger { get; set; } = "manual";

    public Guid? RequestedByUserId { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public DateTime WindowStart { get; set; }

    public DateTime WindowEnd { get; set; }

    public int Customers { get; set; }

    public long Purchases { get; set; }

    public string? Error { get; set; }

    /// <summary>The seconds each finished phase took, as <see cref="RecomputeRunTimings"/> writes them.</summary>
    public string? PhaseTimings { get; set; }
}

/// <summary>A run's phase timings as stored: <c>ReadingCustomers 10.4 s, LoadingFacts 17.3 s, …</c>.</summary>
internal static class RecomputeRunTimings
{
    public const int MaxLength = 400;

    public static string Format(IEnumerable<(RecomputePhase Phase, TimeSpan Took)> phases) =>
        string.Join(", ", phases.Select(p => $"{p.Phase} {p.Took.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s"));
}

/// <summary>
/// A tenant's analysis state: the run whose results are shown, when the facts were last rebuilt, and the lease that
/// keeps two recomputes of the tenant from running at once (on any host instance).
/// </summary>
[NotAudited]
internal sealed class AnalysisState : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid? CurrentRunId { get; set; }

    public DateTime? RebuiltAt { get; set; }

    public Guid? LeaseRunId { get; set; }

    public DateTime? LeaseUntil { get; set; }
}
