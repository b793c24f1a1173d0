namespace RetailCrm.Modules.Sales.Contracts;

/// <summary>A deal as a module that keeps its own facts (analysis) reads it.</summary>
/// <param name="OpportunityId">The deal.</param>
/// <param name="CustomerId">The members customer.</param>
/// <param name="OwnerUserId">The sales person who owns it.</param>
/// <param name="Status">Open, won or lost.</param>
/// <param name="StageKey">The stage it is in (or was in when closed).</param>
/// <param name="Amount">The sum of its lines, in minor units.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="CreatedAt">When it was opened (UTC).</param>
/// <param name="ClosedAt">When it was won or lost (UTC); null while open.</param>
public sealed record DealRecord(Guid OpportunityId, Guid CustomerId, Guid OwnerUserId, OpportunityStatus Status, string StageKey, long Amount, string Currency, DateTime CreatedAt, DateTime? ClosedAt);

/// <summary>Every deal of the current tenant in pages, ordered by id, for a module that rebuilds its own facts; not limited to a user's data scope.</summary>
public interface IDealFeed
{
    /// <summary>At most <paramref name="pageSize"/> deals with an id after <paramref name="after"/> (null: from the first).</summary>
    Task<IReadOnlyList<DealRecord>> ReadDealsAsync(Guid? after, int pageSize, CancellationToken cancellationToken = default);
}
