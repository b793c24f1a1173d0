using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Sales.Application.Opportunities;

/// <summary>A file of a deal without its content.</summary>
internal sealed record DealAttachmentInfo(Guid Id, string Tag, string FileName, string ContentType, long Size, DateTime CreatedAt);

/// <summary>A deal with everything its page shows.</summary>
internal sealed record OpportunityDetails(
    Opportunity Opportunity,
    IReadOnlyList<OpportunityLine> Lines,
    IReadOnlyList<Activity> Activities,
    IReadOnlyList<DealAttachmentInfo> Attachments,
    IReadOnlyList<OpportunityChange> History,
    IReadOnlyList<StageMoveRequest> MoveRequests);

/// <summary>One column of a board: the stage, how many open deals it holds and their amount, and the first of them.</summary>
internal sealed record BoardColumn(Guid StageId, string Key, string Name, string? NameZh, int Probability, bool RequiresApproval, int? RottingDays, int Count, long Amount, IReadOnlyList<Opportunity> Deals);

/// <summary>The reads of deals, always within the current user's data scope.</summary>
internal sealed class OpportunityQueries(SalesDbContext db, OpportunityService deals, PipelineCatalog pipelines, IDataScopeProvider dataScope)
{
    public async Task<OpportunityDetails?> DetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        var deal = await (await deals.VisibleAsync(tracked: false, cancellationToken)).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (deal is null)
        {
            return null;
        }

        var lines = await db.Set<OpportunityLine>().AsNoTracking().Where(l => l.OpportunityId == id).OrderBy(l => l.Position).ToListAsync(cancellationToken);
        var activities = await db.Set<Activity>().AsNoTracking().Where(a => a.OpportunityId == id).OrderByDescending(a => a.At).ToListAsync(cancellationToken);
        var attachments = await db.Set<OpportunityAttachment>().AsNoTracking().Where(a => a.OpportunityId == id).OrderBy(a => a.CreatedAt)
            .Select(a => new DealAttachmentInfo(a.Id, a.Tag, a.FileName, a.ContentType, a.Size, a.CreatedAt)).ToListAsync(cancellationToken);
        var history = await db.Set<OpportunityChange>().AsNoTracking().Where(c => c.OpportunityId == id).OrderBy(c => c.At).ToListAsync(cancellationToken);
        var requests = await db.Set<StageMoveRequest>().AsNoTracking().Where(r => r.OpportunityId == id).OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken);
        return new OpportunityDetails(deal, lines, activities, attachments, history, requests);
    }

    public async Task<OpportunityAttachment?> AttachmentAsync(Guid id, Guid attachmentId, CancellationToken cancellationToken) =>
        await (await deals.VisibleAsync(tracked: false, cancellationToken)).AnyAsync(o => o.Id == id, cancellationToken)
            ? await db.Set<OpportunityAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.OpportunityId == id, cancellationToken)
            : null;

    /// <summary>The open deals of a pipeline by stage: counts and amounts of all, and the <paramref name="perStage"/> most recently changed of each.</summary>
    public async Task<IReadOnlyList<BoardColumn>?> BoardAsync(Guid? pipelineId, int perStage, CancellationToken cancellationToken)
    {
        var pipeline = await pipelines.FindOrDefaultAsync(pipelineId, cancellationToken);
        if (pipeline is null)
        {
            return null;
        }

        var open = (await deals.VisibleAsync(tracked: false, cancellationToken)).Where(o => o.PipelineId == pipeline.Pipeline.Id && o.Status == OpportunityStatus.Open);
        // The column figures from the stage totals kept with every save, within the same data scope as the deals.
        var kept = await dataScope.ApplyAsync(db.Set<StageTotal>().AsNoTracking().Where(t => t.PipelineId == pipeline.Pipeline.Id), t => t.OwnerUserId, t => t.UnitId, cancellationToken);
        var totals = await kept.GroupBy(t => t.StageId).Select(g => new { g.Key, Count = g.Sum(t => t.Count), Amount = g.Sum(t => t.Amount) }).ToListAsync(cancellationToken);
        var columns = new List<BoardColumn>();
        foreach (var stage in pipeline.Stages)
        {
            var total = totals.FirstOrDefault(t => t.Key == stage.Id);
            var first = total is not { Count: > 0 } ? [] : await open.Where(o => o.StageId == stage.Id).OrderByDescending(o => o.UpdatedAt).Take(perStage).ToListAsync(cancellationToken);
            columns.Add(new BoardColumn(stage.Id, stage.Key, stage.Name, stage.NameZh, stage.Probability, stage.RequiresApproval, stage.RottingDays, total?.Count ?? 0, total?.Amount ?? 0, first));
        }

        return columns;
    }

    /// <summary>The gated moves waiting for a decision, of the deals the current user (a supervisor) sees, oldest first.</summary>
    public async Task<IReadOnlyList<StageMoveRequest>> PendingApprovalsAsync(CancellationToken cancellationToken)
    {
        var visible = await deals.VisibleAsync(tracked: false, cancellationToken);
        return await db.Set<StageMoveRequest>().AsNoTracking()
            .Where(r => r.Status == MoveRequestStatus.Pending && visible.Any(o => o.Id == r.OpportunityId))
            .OrderBy(r => r.RequestedAt).ToListAsync(cancellationToken);
    }
}
