using RetailCrm.Modules.Sales.Application.Opportunities;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Catalogue;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Modules.Sales.Domain.Pipelines;
using RetailCrm.Modules.Sales.Application.Reviews;
using RetailCrm.Modules.Sales.Domain.Reviews;
using RetailCrm.Modules.Sales.Domain.Tasks;

namespace RetailCrm.Modules.Sales.Web.Api;

/// <summary>A stage as the API gives it, with its exit criteria.</summary>
internal sealed record StageDto(Guid Id, string Key, string Name, string? NameZh, int Position, int Probability, int? RottingDays, bool RequiresApproval, ExitCriteria ExitCriteria)
{
    public static StageDto From(Stage s) => new(s.Id, s.Key, s.Name, s.NameZh, s.Position, s.Probability, s.RottingDays, s.RequiresApproval, s.ExitCriteria);
}

/// <summary>A pipeline with its stages in order.</summary>
internal sealed record PipelineDto(Guid Id, string Name, string? NameZh, bool IsDefault, IReadOnlyList<StageDto> Stages)
{
    public static PipelineDto From(PipelineView v) => new(v.Pipeline.Id, v.Pipeline.Name, v.Pipeline.NameZh, v.Pipeline.IsDefault, [.. v.Stages.Select(StageDto.From)]);
}

/// <summary>A deal as the API answers it; send <see cref="Version"/> back with a change.</summary>
internal sealed record OpportunityDto(
    Guid Id, string Title, Guid CustomerId, string CustomerName, Guid OwnerUserId, Guid? UnitId, Guid PipelineId, Guid StageId, DateTime StageEnteredAt,
    OpportunityStatus Status, DateOnly? ExpectedCloseDate, string? Source, string? Competitors, string? Needs, string? Solution,
    ForecastCategory ForecastCategory, string Currency, long Amount, string? CloseReason, DateTime? ClosedAt, Guid? PendingMoveId, DateTime LastActivityAt,
    bool Rotting, DateTime CreatedAt, DateTime UpdatedAt, int Version)
{
    /// <param name="o">The deal.</param>
    /// <param name="rotting">Whether it is idle past its stage's rotting days (lists and the board tell).</param>
    public static OpportunityDto From(Opportunity o, bool rotting = false) => new(o.Id, o.Title, o.CustomerId, o.CustomerName, o.OwnerUserId, o.UnitId, o.PipelineId, o.StageId, o.StageEnteredAt,
        o.Status, o.ExpectedCloseDate, o.Source, o.Competitors, o.Needs, o.Solution, o.ForecastCategory, o.Currency, o.Amount, o.CloseReason, o.ClosedAt, o.PendingMoveId,
        o.LastActivityAt, rotting, o.CreatedAt, o.UpdatedAt, o.Version);
}

/// <summary>One line of a deal; amounts in minor units.</summary>
internal sealed record LineDto(Guid Id, int Position, Guid? ProductId, string Description, decimal Quantity, long UnitPrice, decimal DiscountPercent, long Amount)
{
    public static LineDto From(OpportunityLine l) => new(l.Id, l.Position, l.ProductId, l.Description, l.Quantity, l.UnitPrice, l.DiscountPercent, l.Amount);
}

/// <summary>A journal entry.</summary>
internal sealed record ActivityDto(Guid Id, ActivityKind Kind, DateTime At, string Subject, string? Outcome, string? NextStep, Guid UserId, DateTime CreatedAt)
{
    public static ActivityDto From(Activity a) => new(a.Id, a.Kind, a.At, a.Subject, a.Outcome, a.NextStep, a.UserId, a.CreatedAt);
}

/// <summary>A gated move and its decision.</summary>
internal sealed record MoveRequestDto(Guid Id, Guid OpportunityId, Guid FromStageId, Guid ToStageId, Guid RequestedByUserId, DateTime RequestedAt, string? Note,
    string Status, Guid? DecidedByUserId, DateTime? DecidedAt, string? Comment)
{
    public static MoveRequestDto From(StageMoveRequest r) => new(r.Id, r.OpportunityId, r.FromStageId, r.ToStageId, r.RequestedByUserId, r.RequestedAt, r.Note,
        r.Status.ToString(), r.DecidedByUserId, r.DecidedAt, r.Comment);
}

/// <summary>One change in a deal's history.</summary>
internal sealed record ChangeDto(DateTime At, Guid? UserId, string Field, string? From, string? To);

/// <summary>A deal with its lines, journal, files, history and gated moves.</summary>
internal sealed record OpportunityDetailsDto(OpportunityDto Opportunity, IReadOnlyList<LineDto> Lines, IReadOnlyList<ActivityDto> Activities,
    IReadOnlyList<DealAttachmentInfo> Attachments, IReadOnlyList<ChangeDto> History, IReadOnlyList<MoveRequestDto> MoveRequests)
{
    public static OpportunityDetailsDto From(OpportunityDetails d) => new(OpportunityDto.From(d.Opportunity), [.. d.Lines.Select(LineDto.From)],
        [.. d.Activities.Select(ActivityDto.From)], d.Attachments, [.. d.History.Select(c => new ChangeDto(c.At, c.UserId, c.Field, c.From, c.To))],
        [.. d.MoveRequests.Select(MoveRequestDto.From)]);
}

/// <summary>What a move did: <c>moved</c>, <c>unchanged</c> or <c>awaits-approval</c> (then <see cref="Request"/> is the request to the supervisor).</summary>
internal sealed record MoveResultDto(string Outcome, OpportunityDto Opportunity, MoveRequestDto? Request)
{
    public static MoveResultDto From(MoveResult r) => new(r.Outcome switch
    {
        MoveOutcome.Moved => "moved",
        MoveOutcome.AwaitsApproval => "awaits-approval",
        _ => "unchanged",
    }, OpportunityDto.From(r.Opportunity), r.Request is null ? null : MoveRequestDto.From(r.Request));
}

/// <summary>A board column.</summary>
internal sealed record BoardColumnDto(Guid StageId, string Key, string Name, string? NameZh, int Probability, bool RequiresApproval, int? RottingDays, int Count, long Amount,
    IReadOnlyList<OpportunityDto> Opportunities)
{
    public static BoardColumnDto From(BoardColumn c, DateTime now) => new(c.StageId, c.Key, c.Name, c.NameZh, c.Probability, c.RequiresApproval, c.RottingDays, c.Count, c.Amount,
        [.. c.Deals.Select(o => OpportunityDto.From(o, o.IsRotting(c.RottingDays, now)))]);
}

/// <summary>A product of the catalogue.</summary>
internal sealed record ProductDto(Guid Id, string Code, string Name, string? Category, long UnitPrice, bool IsActive)
{
    public static ProductDto From(Product p) => new(p.Id, p.Code, p.Name, p.Category, p.UnitPrice, p.IsActive);
}

/// <summary>A task; <see cref="Overdue"/> when open past its due time.</summary>
internal sealed record TaskDto(Guid Id, Guid? OpportunityId, string Title, string? Notes, Guid AssigneeUserId, DateTime DueAt, DateTime? RemindAt,
    DateTime? RemindedAt, DateTime? CompletedAt, bool Overdue, Guid CreatedByUserId, DateTime CreatedAt)
{
    public static TaskDto From(SalesTask t, DateTime now) => new(t.Id, t.OpportunityId, t.Title, t.Notes, t.AssigneeUserId, t.DueAt, t.RemindAt, t.RemindedAt,
        t.CompletedAt, t.IsOverdue(now), t.CreatedByUserId, t.CreatedAt);
}

/// <summary>A supervisor's comment on, or approval of, a sales person's week.</summary>
internal sealed record JournalReviewDto(Guid Id, Guid SalesPersonUserId, DateOnly WeekStart, string Verdict, string? Comment, Guid ReviewerUserId, DateTime At)
{
    public static JournalReviewDto From(JournalReview r) => new(r.Id, r.SalesPersonUserId, r.WeekStart, r.Verdict == ReviewVerdict.Approved ? "approved" : "commented",
        r.Comment, r.ReviewerUserId, r.At);
}

/// <summary>One entry of a week's journal with its deal.</summary>
internal sealed record WeekEntryDto(ActivityDto Activity, Guid OpportunityId, string DealTitle, string CustomerName);

/// <summary>A sales person's week: entries and reviews.</summary>
internal sealed record JournalWeekDto(Guid UserId, string Name, DateOnly WeekStart, bool Approved, IReadOnlyList<WeekEntryDto> Entries, IReadOnlyList<JournalReviewDto> Reviews)
{
    public static JournalWeekDto From(JournalWeek w) => new(w.Person.Id, w.Person.DisplayName, w.WeekStart, w.Approved,
        [.. w.Entries.Select(e => new WeekEntryDto(ActivityDto.From(e.Activity), e.OpportunityId, e.DealTitle, e.CustomerName))], [.. w.Reviews.Select(JournalReviewDto.From)]);
}

/// <summary>One person of the supervisor's team for a week.</summary>
internal sealed record TeamWeekDto(Guid UserId, string Name, int Entries, int Visits, int Comments, bool Approved);
