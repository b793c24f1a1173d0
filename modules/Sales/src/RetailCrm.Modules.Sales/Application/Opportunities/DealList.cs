using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Opportunities;

namespace RetailCrm.Modules.Sales.Application.Opportunities;

/// <summary>The filters of the deals list; every one optional. <see cref="Status"/> null means every status.</summary>
internal sealed record DealFilter
{
    public OpportunityStatus? Status { get; init; } = OpportunityStatus.Open;

    public Guid? PipelineId { get; init; }

    public Guid? StageId { get; init; }

    public Guid? OwnerUserId { get; init; }

    /// <summary>Words of the title or the customer's name.</summary>
    public string? Term { get; init; }

    public bool RottingOnly { get; init; }

    public DateOnly? CloseFrom { get; init; }

    public DateOnly? CloseTo { get; init; }

    public ForecastCategory? Category { get; init; }
}

/// <summary>One page of the deals list and how many match in all.</summary>
internal sealed record DealPage(IReadOnlyList<Opportunity> Items, int Total);

/// <summary>The deals list within the data scope: filtered, most recently changed first; the export reads the same query.</summary>
internal sealed class DealList(OpportunityService deals, PipelineCatalog pipelines, TimeProvider time)
{
    public async Task<IQueryable<Opportunity>> QueryAsync(DealFilter filter, CancellationToken cancellationToken)
    {
        var query = await deals.VisibleAsync(tracked: false, cancellationToken);
        if (filter.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (filter.PipelineId is { } pipeline)
        {
            query = query.Where(o => o.PipelineId == pipeline);
        }

        if (filter.StageId is { } stage)
        {
            query = query.Where(o => o.StageId == stage);
        }

        if (filter.OwnerUserId is { } owner)
        {
            query = query.Where(o => o.OwnerUserId == owner);
        }

        if (OpportunityFacts.Clean(filter.Term) is { } term)
        {
            query = query.Where(o => o.Title.Contains(term) || o.CustomerName.Contains(term));
        }

        if (filter.CloseFrom is { } from)
        {
            query = query.Where(o => o.ExpectedCloseDate >= from);
        }

        if (filter.CloseTo is { } to)
        {
            query = query.Where(o => o.ExpectedCloseDate <= to);
        }

        if (filter.Category is { } category)
        {
            query = query.Where(o => o.ForecastCategory == category);
        }

        if (filter.RottingOnly)
        {
            query = query.Where(o => o.Status == OpportunityStatus.Open).Where(await RottingAsync(cancellationToken));
        }

        return query.OrderByDescending(o => o.UpdatedAt).ThenBy(o => o.Id);
    }

    public async Task<DealPage> PageAsync(DealFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(filter, cancellationToken);
        return new DealPage(await query.Skip(skip).Take(take).ToListAsync(cancellationToken), await query.CountAsync(cancellationToken));
    }

    /// <summary>Idle past its stage's rotting days: one condition per stage that has them, since the days differ by stage.</summary>
    private async Task<Expression<Func<Opportunity, bool>>> RottingAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var deal = Expression.Parameter(typeof(Opportunity), "o");
        Expression any = Expression.Constant(false);
        foreach (var stage in (await pipelines.ListAsync(cancellationToken)).SelectMany(p => p.Stages).Where(s => s.RottingDays is > 0))
        {
            var inStage = Expression.Equal(Expression.Property(deal, nameof(Opportunity.StageId)), Expression.Constant(stage.Id));
            var idle = Expression.LessThan(Expression.Property(deal, nameof(Opportunity.LastActivityAt)), Expression.Constant(now.AddDays(-stage.RottingDays!.Value)));
            any = Expression.OrElse(any, Expression.AndAlso(inStage, idle));
        }

        return Expression.Lambda<Func<Opportunity, bool>>(any, deal);
    }
}
