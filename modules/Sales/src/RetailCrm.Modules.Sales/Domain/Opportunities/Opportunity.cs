using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Pipelines;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Domain.Opportunities;

/// <summary>
/// A deal (商机) with a members customer: where it stands in its pipeline, what is being sold (its lines) and what the
/// sales person found out. <see cref="Version"/> guards against two people changing it at once.
/// </summary>
internal sealed class Opportunity : ITenantOwned
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxShortLength = 200;
    public const int MaxLines = 200;

    private Opportunity()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public string Title { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    /// <summary>The customer's name when the deal was opened, for lists that do not ask the members module per row.</summary>
    public string CustomerName { get; private set; } = "";

    public Guid OwnerUserId { get; private set; }

    /// <summary>The owner's organization unit: the supervisor of this unit approves gated moves and sees the deal.</summary>
    public Guid? UnitId { get; private set; }

    public Guid PipelineId { get; private set; }

    public Guid StageId { get; private set; }

    public DateTime StageEnteredAt { get; private set; }

    public OpportunityStatus Status { get; private set; }

    public DateOnly? ExpectedCloseDate { get; private set; }

    public string? Source { get; private set; }

    public string? Competitors { get; private set; }

    /// <summary>The customer's needs as the sales person wrote them down (挖掘客户需求).</summary>
    public string? Needs { get; private set; }

    /// <summary>The solution worked out for them (研究解决方案).</summary>
    public string? Solution { get; private set; }

    /// <summary>How sure the sales person is of closing it in its expected month: commit and best case of the forecast.</summary>
    public ForecastCategory ForecastCategory { get; private set; }

    public string Currency { get; private set; } = "CNY";

    /// <summary>The sum of the lines, in minor units.</summary>
    public long Amount { get; private set; }

    public int LineCount { get; private set; }

    /// <summary>Why it was won or lost, from the tenant's list.</summary>
    public string? CloseReason { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>The gated move waiting for the supervisor; no other move is made meanwhile.</summary>
    public Guid? PendingMoveId { get; private set; }

    /// <summary>The last journal entry or change: a deal idle past its stage's rotting days is flagged.</summary>
    public DateTime LastActivityAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => Status == OpportunityStatus.Open;

    public static Opportunity Open(Guid id, OpportunityFacts facts, Guid customerId, string customerName, Guid ownerUserId, Guid? unitId, Stage firstStage, string currency, DateTime now)
    {
        var opportunity = new Opportunity
        {
            Id = id,
            CustomerId = customerId,
            CustomerName = customerName,
            OwnerUserId = ownerUserId,
            UnitId = unitId,
            PipelineId = firstStage.PipelineId,
            StageId = firstStage.Id,
            StageEnteredAt = now,
            Status = OpportunityStatus.Open,
            Currency = currency,
            CreatedAt = now,
            LastActivityAt = now,
        };
        opportunity.Describe(facts, now);
        return opportunity;
    }

    /// <summary>The facts as given; checked by <see cref="OpportunityFacts.Check"/> first.</summary>
    public void Describe(OpportunityFacts facts, DateTime now)
    {
        Title = facts.Title!.Trim();
        ExpectedCloseDate = facts.ExpectedCloseDate;
        Source = OpportunityFacts.Clean(facts.Source);
        Competitors = OpportunityFacts.Clean(facts.Competitors);
        Needs = OpportunityFacts.Clean(facts.Needs);
        Solution = OpportunityFacts.Clean(facts.Solution);
        ForecastCategory = facts.ForecastCategory ?? ForecastCategory;
        Touch(now);
    }

    public void ReplaceLines(IReadOnlyList<OpportunityLine> lines, DateTime now)
    {
        Amount = lines.Sum(l => l.Amount);
        LineCount = lines.Count;
        Touch(now);
    }

    public void MoveTo(Stage stage, DateTime now)
    {
        StageId = stage.Id;
        StageEnteredAt = now;
        PendingMoveId = null;
        Touch(now);
    }

    public void AwaitApproval(Guid moveId, DateTime now)
    {
        PendingMoveId = moveId;
        Touch(now);
    }

    public void SentBack(DateTime now)
    {
        PendingMoveId = null;
        Touch(now);
    }

    public void Close(OpportunityStatus outcome, string reason, DateTime now)
    {
        Status = outcome;
        CloseReason = reason;
        ClosedAt = now;
        PendingMoveId = null;
        Touch(now);
    }

    /// <summary>Idle longer than its stage allows (the stage's rotting days; none means never).</summary>
    public bool IsRotting(int? rottingDays, DateTime now) => IsOpen && rottingDays is > 0 && LastActivityAt < now.AddDays(-rottingDays.Value);

    /// <summary>Whether a field a stage's exit criteria may require is written down.</summary>
    public bool Has(string field) => field switch
    {
        "needs" => Needs is not null,
        "solution" => Solution is not null,
        "expectedCloseDate" => ExpectedCloseDate is not null,
        "lines" => LineCount > 0,
        "competitors" => Competitors is not null,
        "source" => Source is not null,
        _ => true,
    };

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        LastActivityAt = now;
        Version++;
    }
}

/// <summary>What a sales person writes about a deal, as given; <see cref="Check"/> names every field at fault.</summary>
internal sealed record OpportunityFacts
{
    public string? Title { get; init; }

    public DateOnly? ExpectedCloseDate { get; init; }

    public string? Source { get; init; }

    public string? Competitors { get; init; }

    public string? Needs { get; init; }

    public string? Solution { get; init; }

    /// <summary>Null keeps the deal's category (a new deal: pipeline).</summary>
    public ForecastCategory? ForecastCategory { get; init; }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public IReadOnlyList<FieldRefusal> Check()
    {
        var errors = new List<FieldRefusal>();
        if ((Title?.Trim().Length ?? 0) is 0 or > Opportunity.MaxTitleLength)
        {
            errors.Add(new FieldRefusal("title", LocalizableText.Of("Give the deal a title of 1 to {0} characters.", Opportunity.MaxTitleLength)));
        }

        Limit(errors, "source", Source, Opportunity.MaxShortLength);
        Limit(errors, "competitors", Competitors, Opportunity.MaxShortLength);
        Limit(errors, "needs", Needs, Opportunity.MaxTextLength);
        Limit(errors, "solution", Solution, Opportunity.MaxTextLength);
        if (ForecastCategory is { } category && !Enum.IsDefined(category))
        {
            errors.Add(new FieldRefusal("forecastCategory", LocalizableText.Of("Choose pipeline, best case, commit or omitted.")));
        }
        return errors;
    }

    private static void Limit(List<FieldRefusal> errors, string field, string? text, int max)
    {
        if (Clean(text) is { Length: var length } && length > max)
        {
            errors.Add(new FieldRefusal(field, LocalizableText.Of("Write at most {0} characters.", max)));
        }
    }
}
