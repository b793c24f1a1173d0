using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Domain.Opportunities;

/// <summary>One entry of a deal's journal (业务日志): a visit, call, meeting, e-mail or note, with its outcome and next step.</summary>
internal sealed class Activity : ITenantOwned
{
    public const int MaxSubjectLength = 200;
    public const int MaxTextLength = 2000;

    /// <summary>How far ahead of now an entry may be dated: it records what happened, not what is planned.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromHours(1);

    private Activity()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid OpportunityId { get; private set; }

    public ActivityKind Kind { get; private set; }

    /// <summary>When it happened (UTC).</summary>
    public DateTime At { get; private set; }

    public string Subject { get; private set; } = "";

    public string? Outcome { get; private set; }

    public string? NextStep { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Result<Activity> Log(Guid opportunityId, ActivityKind? kind, DateTime? at, string? subject, string? outcome, string? nextStep, Guid userId, DateTime now)
    {
        var errors = new List<FieldRefusal>();
        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors.Add(new FieldRefusal("kind", LocalizableText.Of("Say what it was: visit, call, meeting, email or note.")));
        }

        var when = at is { } given ? DateTime.SpecifyKind(given.ToUniversalTime(), DateTimeKind.Utc) : now;
        if (when > now + FutureTolerance)
        {
            errors.Add(new FieldRefusal("at", LocalizableText.Of("A journal entry records what happened: its time is not in the future.")));
        }

        var text = subject?.Trim() ?? "";
        if (text.Length is 0 or > MaxSubjectLength)
        {
            errors.Add(new FieldRefusal("subject", LocalizableText.Of("Give the entry a subject of 1 to {0} characters.", MaxSubjectLength)));
        }

        if (outcome?.Trim().Length > MaxTextLength)
        {
            errors.Add(new FieldRefusal("outcome", LocalizableText.Of("Write at most {0} characters.", MaxTextLength)));
        }

        if (nextStep?.Trim().Length > MaxTextLength)
        {
            errors.Add(new FieldRefusal("nextStep", LocalizableText.Of("Write at most {0} characters.", MaxTextLength)));
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid("sales/activity-invalid", errors);
        }

        return new Activity
        {
            Id = Guid.NewGuid(),
            OpportunityId = opportunityId,
            Kind = kind!.Value,
            At = when,
            Subject = text,
            Outcome = OpportunityFacts.Clean(outcome),
            NextStep = OpportunityFacts.Clean(nextStep),
            UserId = userId,
            CreatedAt = now,
        };
    }
}
