using System.ComponentModel.DataAnnotations;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain.Stock;

namespace RetailCrm.Modules.Cards.Application.Stock;

internal sealed record ProductionInput([Required] Guid? ProductId, [Required][Range(1, 5000)] int? Quantity);

internal sealed record SpoiledCardInput([Required][StringLength(32, MinimumLength = 1)] string? Number, [Required][StringLength(500, MinimumLength = 1)] string? Reason);

/// <summary>Quality check of a run: <c>numbers</c> to put away (all the run's produced cards not spoiled when left out) and the spoiled ones with a reason.</summary>
internal sealed record PutAwayInput(IReadOnlyList<string>? Numbers, IReadOnlyList<SpoiledCardInput>? Spoiled);

internal sealed record StatusCount(CardStatus Status, int Count);

internal sealed record ProductionView(
    Guid Id,
    Guid ProductId,
    string LocationCode,
    bool UsesBlanks,
    int Quantity,
    string FirstNumber,
    string LastNumber,
    int ProducedCount,
    int PutAwayCount,
    int SpoiledCount,
    string? UserName,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<StatusCount> CardsByStatus)
{
    public static ProductionView From(ProductionOrder o, IReadOnlyList<StatusCount> byStatus) => new(o.Id, o.ProductId, o.LocationCode, o.UsesBlanks, o.Quantity,
        o.FirstNumber, o.LastNumber, o.ProducedCount, o.PutAwayCount, o.SpoiledCount, o.UserName, o.CreatedAt, o.UpdatedAt, byStatus);
}
