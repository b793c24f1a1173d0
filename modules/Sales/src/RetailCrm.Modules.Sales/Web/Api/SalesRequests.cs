using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Sales.Application.Opportunities;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Opportunities;

namespace RetailCrm.Modules.Sales.Web.Api;

/// <summary>The body of <c>POST /api/sales/opportunities</c>: a customer by id, or a prospect (name, phone, e-mail) to register with the duplicate check.</summary>
internal sealed record NewOpportunityRequest(
    string? Title, Guid? CustomerId, NewCustomerContact? Prospect, bool KeepDespiteDuplicates, Guid? PipelineId,
    DateOnly? ExpectedCloseDate, string? Source, string? Competitors, string? Needs, string? Solution, IReadOnlyList<LineInput>? Lines,
    ForecastCategory? ForecastCategory = null)
{
    public NewOpportunity ToInput() => new()
    {
        Facts = new OpportunityFacts { Title = Title, ExpectedCloseDate = ExpectedCloseDate, Source = Source, Competitors = Competitors, Needs = Needs, Solution = Solution, ForecastCategory = ForecastCategory },
        CustomerId = CustomerId,
        Prospect = Prospect,
        KeepDespiteDuplicates = KeepDespiteDuplicates,
        PipelineId = PipelineId,
        Lines = Lines,
    };
}

/// <summary>The facts of a deal, as last read at <see cref="Version"/>.</summary>
internal sealed record DescribeRequest(int Version, string? Title, DateOnly? ExpectedCloseDate, string? Source, string? Competitors, string? Needs, string? Solution,
    ForecastCategory? ForecastCategory = null)
{
    public OpportunityFacts ToFacts() => new() { Title = Title, ExpectedCloseDate = ExpectedCloseDate, Source = Source, Competitors = Competitors, Needs = Needs, Solution = Solution, ForecastCategory = ForecastCategory };
}

/// <summary>All lines of a deal at once.</summary>
internal sealed record LinesRequest(int Version, IReadOnlyList<LineInput>? Lines);

/// <summary>A move to a stage of the deal's pipeline; <see cref="Note"/> goes to the supervisor when the stage is gated.</summary>
internal sealed record MoveToStageRequest(int Version, Guid StageId, string? Note);

/// <summary>The supervisor's decision on a gated move.</summary>
internal sealed record DecisionRequest(bool Approve, string? Comment);

/// <summary>Won or lost, with a reason from the tenant's list; a won deal may be recorded as the customer's purchase.</summary>
internal sealed record CloseRequest(int Version, string? Reason, bool RecordPurchase);

/// <summary>A new pipeline with its stages.</summary>
internal sealed record NewPipelineRequest(string? Name, string? NameZh, IReadOnlyList<StageInput>? Stages);

/// <summary>A new product of the catalogue.</summary>
internal sealed record NewProductRequest(string? Code, string? Name, string? Category, long? UnitPrice);

/// <summary>Done or open again.</summary>
internal sealed record TaskDoneRequest(bool Done);

/// <summary>The supervisor's word on a week (any day of it): approve, or comment.</summary>
internal sealed record JournalReviewRequest(Guid UserId, DateOnly? Week, bool Approve, string? Comment);
