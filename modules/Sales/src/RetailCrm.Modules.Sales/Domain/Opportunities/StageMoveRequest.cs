using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Sales.Domain.Opportunities;

/// <summary>Where a gated move stands.</summary>
internal enum MoveRequestStatus
{
    Pending,
    Approved,
    SentBack,
}

/// <summary>A move into a gated stage (default 签约承诺), waiting for the sales person's supervisor to approve it or send it back.</summary>
internal sealed class StageMoveRequest : ITenantOwned
{
    public const int MaxCommentLength = 2000;

    private StageMoveRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid OpportunityId { get; private set; }

    public Guid FromStageId { get; private set; }

    public Guid ToStageId { get; private set; }

    public Guid RequestedByUserId { get; private set; }

    public DateTime RequestedAt { get; private set; }

    public string? Note { get; private set; }

    public MoveRequestStatus Status { get; private set; }

    public Guid? DecidedByUserId { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? Comment { get; private set; }

    public static StageMoveRequest Ask(Guid opportunityId, Guid fromStageId, Guid toStageId, Guid userId, string? note, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OpportunityId = opportunityId,
        FromStageId = fromStageId,
        ToStageId = toStageId,
        RequestedByUserId = userId,
        RequestedAt = now,
        Note = OpportunityFacts.Clean(note),
        Status = MoveRequestStatus.Pending,
    };

    public void Decide(bool approved, Guid userId, string? comment, DateTime now)
    {
        Status = approved ? MoveRequestStatus.Approved : MoveRequestStatus.SentBack;
        DecidedByUserId = userId;
        DecidedAt = now;
        Comment = OpportunityFacts.Clean(comment);
    }
}
