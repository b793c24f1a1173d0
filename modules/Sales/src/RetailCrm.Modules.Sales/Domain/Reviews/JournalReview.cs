using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Domain.Reviews;

/// <summary>What the supervisor said about one sales person's journal of one week.</summary>
internal enum ReviewVerdict
{
    /// <summary>A remark; the week stays open for more.</summary>
    Commented,

    /// <summary>The week's journal is approved.</summary>
    Approved,
}

/// <summary>
/// A supervisor's review of a sales person's journal (业务日志) for the week starting <see cref="WeekStart"/> (a Monday
/// in the tenant's time zone): a comment or the approval. The sales person reads them beside his week.
/// </summary>
internal sealed class JournalReview : ITenantOwned
{
    public const int MaxCommentLength = 2000;

    private JournalReview()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid SalesPersonUserId { get; private set; }

    /// <summary>The sales person's unit, so that his supervisor's scope finds the review.</summary>
    public Guid? UnitId { get; private set; }

    public DateOnly WeekStart { get; private set; }

    public ReviewVerdict Verdict { get; private set; }

    public string? Comment { get; private set; }

    public Guid ReviewerUserId { get; private set; }

    public DateTime At { get; private set; }

    public static Result<JournalReview> Write(Guid salesPerson, Guid? unitId, DateOnly weekStart, bool approve, string? comment, Guid reviewer, DateTime now)
    {
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!approve && text is null)
        {
            return Refusal.Invalid("sales/review-invalid", "comment", "Write the comment, or approve the week.");
        }

        if (text?.Length > MaxCommentLength)
        {
            return Refusal.Invalid("sales/review-invalid", "comment", "Write at most {0} characters.", MaxCommentLength);
        }

        return new JournalReview
        {
            Id = Guid.NewGuid(),
            SalesPersonUserId = salesPerson,
            UnitId = unitId,
            WeekStart = weekStart,
            Verdict = approve ? ReviewVerdict.Approved : ReviewVerdict.Commented,
            Comment = text,
            ReviewerUserId = reviewer,
            At = now,
        };
    }
}
