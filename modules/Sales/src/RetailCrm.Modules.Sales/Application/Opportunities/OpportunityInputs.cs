using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Sales.Domain.Opportunities;

namespace RetailCrm.Modules.Sales.Application.Opportunities;

/// <summary>One line as the API or the form sends it: a catalogue product (its name and list price by default) or free text.</summary>
internal sealed record LineInput(Guid? ProductId, string? Description, decimal? Quantity, long? UnitPrice, decimal? DiscountPercent);

/// <summary>
/// A new deal: for an existing members customer (<see cref="CustomerId"/>) or a prospect registered on the spot
/// (<see cref="Prospect"/>, with the members duplicate check unless <see cref="KeepDespiteDuplicates"/>).
/// </summary>
internal sealed record NewOpportunity
{
    public OpportunityFacts Facts { get; init; } = new();

    public Guid? CustomerId { get; init; }

    public NewCustomerContact? Prospect { get; init; }

    public bool KeepDespiteDuplicates { get; init; }

    public Guid? PipelineId { get; init; }

    public IReadOnlyList<LineInput>? Lines { get; init; }
}

/// <summary>A journal entry as given.</summary>
internal sealed record ActivityInput(Contracts.ActivityKind? Kind, DateTime? At, string? Subject, string? Outcome, string? NextStep);

/// <summary>A stage move as a deal and its move request show it.</summary>
internal sealed record MoveResult(Opportunity Opportunity, MoveOutcome Outcome, StageMoveRequest? Request);
