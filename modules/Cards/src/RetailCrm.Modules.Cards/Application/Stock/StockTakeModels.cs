using System.ComponentModel.DataAnnotations;
using RetailCrm.Modules.Cards.Domain.Stock;

namespace RetailCrm.Modules.Cards.Application.Stock;

internal sealed record StockTakeInput([Required][StringLength(50, MinimumLength = 1)] string? LocationCode);

internal sealed record CountedBlanksInput([Required] Guid? ProductId, [Required][Range(0, 10_000_000)] int? Quantity);

/// <summary>What was found: every card number counted, and blanks per product (a product left out counts 0 blanks).</summary>
internal sealed record StockCountInput([Required] IReadOnlyList<string>? Numbers, IReadOnlyList<CountedBlanksInput>? Blanks);

internal sealed record WriteOffInput([Required][StringLength(500, MinimumLength = 1)] string? Reason);

internal sealed record StockTakeBlankView(Guid ProductId, int Expected, int? Counted, int? Difference);

internal sealed record StockTakeView(
    Guid Id,
    string LocationCode,
    StockTakeStatus Status,
    int ExpectedCards,
    int CountedCards,
    int MissingCards,
    int UnexpectedCards,
    string? OpenedBy,
    DateTime OpenedAt,
    DateTime? CountedAt,
    DateTime? ClosedAt,
    string? WriteOffReason,
    DateTime? WrittenOffAt,
    IReadOnlyList<string> ExpectedNumbers,
    IReadOnlyList<string> MissingNumbers,
    IReadOnlyList<string> UnexpectedNumbers,
    IReadOnlyList<StockTakeBlankView> Blanks)
{
    public static StockTakeView From(StockTake t, IReadOnlyList<StockTakeCard> cards, IReadOnlyList<StockTakeBlank> blanks)
    {
        var closed = t.Status is StockTakeStatus.Closed or StockTakeStatus.WrittenOff;
        return new(t.Id, t.LocationCode, t.Status, t.ExpectedCards, t.CountedCards, t.MissingCards, t.UnexpectedCards, t.OpenedBy, t.OpenedAt, t.CountedAt,
            t.ClosedAt, t.WriteOffReason, t.WrittenOffAt,
            Numbers(cards.Where(c => c.Expected)),
            closed ? Numbers(cards.Where(c => c.Expected && !c.Counted)) : [],
            closed ? Numbers(cards.Where(c => !c.Expected && c.Counted)) : [],
            blanks.OrderBy(b => b.ProductId).Select(b => new StockTakeBlankView(b.ProductId, b.Expected, b.Counted, closed ? b.Counted - b.Expected : null)).ToList());
    }

    private static List<string> Numbers(IEnumerable<StockTakeCard> cards) => cards.Select(c => c.Number).Order(StringComparer.Ordinal).ToList();
}
