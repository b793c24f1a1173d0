using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Sales.Domain.Opportunities;

/// <summary>
/// How many open deals one owner (of one unit) has in one stage, and their amount: the board's column figures, kept
/// up to date in the same transaction as every change of a deal (<see cref="Infrastructure.Persistence.StageTotals"/>),
/// so that a board of 100,000 open deals sums a few rows instead of every deal. Per owner and unit, so that the data
/// scope applies to the totals as to the deals.
/// </summary>
internal sealed class StageTotal : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid StageId { get; set; }

    public Guid OwnerUserId { get; set; }

    /// <summary>The unit, or <see cref="Guid.Empty"/> for none: part of the key, which cannot hold a null.</summary>
    public Guid UnitKey { get; set; }

    public Guid? UnitId { get; set; }

    public Guid PipelineId { get; set; }

    public int Count { get; set; }

    public long Amount { get; set; }
}
