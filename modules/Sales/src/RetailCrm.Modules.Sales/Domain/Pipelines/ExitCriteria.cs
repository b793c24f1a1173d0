using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Domain.Pipelines;

/// <summary>At least <see cref="Count"/> journal entries of <see cref="Kind"/> before a deal may leave the stage.</summary>
internal sealed record RequiredActivity(ActivityKind Kind, int Count);

/// <summary>
/// What must be done before a deal may leave a stage: fields written down, journal entries logged, files attached.
/// A move that fails is refused with every item still missing, never only the first.
/// </summary>
internal sealed record ExitCriteria
{
    /// <summary>The deal fields a stage may require, by their JSON names.</summary>
    public static readonly IReadOnlyList<string> KnownFields = ["needs", "solution", "expectedCloseDate", "lines", "competitors", "source"];

    public static readonly ExitCriteria None = new();

    public IReadOnlyList<string> RequiredFields { get; init; } = [];

    public IReadOnlyList<RequiredActivity> RequiredActivities { get; init; } = [];

    /// <summary>Attachment tags, e.g. <c>proposal</c>, <c>contract</c>.</summary>
    public IReadOnlyList<string> RequiredAttachments { get; init; } = [];

    public bool IsEmpty => RequiredFields.Count == 0 && RequiredActivities.Count == 0 && RequiredAttachments.Count == 0;

    /// <summary>The criteria as an admin gave them, or the refusal naming the part at fault.</summary>
    public static Result<ExitCriteria> Of(IEnumerable<string>? fields, IEnumerable<RequiredActivity>? activities, IEnumerable<string>? attachments)
    {
        var errors = new List<FieldRefusal>();
        var fieldList = (fields ?? []).Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var unknown in fieldList.Where(f => !KnownFields.Contains(f)))
        {
            errors.Add(new FieldRefusal("exitCriteria.requiredFields", LocalizableText.Of("'{0}' is not a field a stage can require; use {1}.", unknown, string.Join(", ", KnownFields))));
        }

        var activityList = (activities ?? []).ToList();
        if (activityList.Any(a => a.Count is < 1 or > 100) || activityList.Select(a => a.Kind).Distinct().Count() != activityList.Count)
        {
            errors.Add(new FieldRefusal("exitCriteria.requiredActivities", LocalizableText.Of("Require each kind of journal entry once, 1 to 100 times.")));
        }

        var tags = (attachments ?? []).Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Any(t => t.Length > OpportunityAttachmentTag.MaxLength))
        {
            errors.Add(new FieldRefusal("exitCriteria.requiredAttachments", LocalizableText.Of("An attachment tag has 1 to {0} characters.", OpportunityAttachmentTag.MaxLength)));
        }

        return errors.Count > 0
            ? Refusal.Invalid("sales/stage-invalid", errors)
            : new ExitCriteria { RequiredFields = fieldList, RequiredActivities = activityList, RequiredAttachments = tags };
    }
}

/// <summary>The limits of an attachment's tag (<c>proposal</c>, <c>contract</c>): what exit criteria ask for.</summary>
internal static class OpportunityAttachmentTag
{
    public const int MaxLength = 40;
    public const string Proposal = "proposal";
    public const string Contract = "contract";
}
