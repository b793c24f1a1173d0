using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain.Stock;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;

namespace RetailCrm.Modules.Cards.Application.Stock;

internal sealed record CardStockLine(string? LocationCode, Guid ProductId, string ProductCode, CardStatus Status, int Count);

internal sealed record BlankStockLine(string LocationCode, Guid ProductId, string ProductCode, int Quantity);

/// <summary>Cards by location, product and status (sold cards have no location), and blanks by location and product.</summary>
internal sealed record StockReport(IReadOnlyList<CardStockLine> Cards, IReadOnlyList<BlankStockLine> Blanks);

internal sealed record StockCardView(Guid Id, string Number, Guid ProductId, CardStatus Status, string? LocationCode, DateTime? StatusChangedAt);

internal sealed record CardMoveView(Guid Id, CardStatus? FromStatus, CardStatus ToStatus, string? FromLocationCode, string? ToLocationCode, string Reference,
    string? Reason, string? UserName, DateTime OccurredAt);

/// <summary>Reads of card stock: the stock report, cards at a location, a card's moves.</summary>
internal sealed class StockReportService(CardsDbContext db)
{
    public async Task<StockReport> ReportAsync(string? locationCode, Guid? productId, CancellationToken cancellationToken)
    {
        var cards = db.Set<Card>().AsNoTracking();
        var blanks = db.Set<BlankStock>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(locationCode))
        {
            var code = locationCode.Trim();
            cards = cards.Where(c => c.LocationCode == code);
            blanks = blanks.Where(b => b.LocationCode == code);
        }

        if (productId is { } p)
        {
            cards = cards.Where(c => c.ProductId == p);
            blanks = blanks.Where(b => b.ProductId == p);
        }

        var cardRows = await cards.GroupBy(c => new { c.LocationCode, c.ProductId, c.Status })
            .Select(g => new { g.Key.LocationCode, g.Key.ProductId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var blankRows = await blanks.ToListAsync(cancellationToken);
        var codes = await db.Set<CardProduct>().AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Code, cancellationToken);
        return new StockReport(
            cardRows.Select(r => new CardStockLine(r.LocationCode, r.ProductId, codes.GetValueOrDefault(r.ProductId, ""), r.Status, r.Count))
                .OrderBy(r => r.LocationCode, StringComparer.Ordinal).ThenBy(r => r.ProductCode, StringComparer.Ordinal).ThenBy(r => r.Status).ToList(),
            blankRows.Select(b => new BlankStockLine(b.LocationCode, b.ProductId, codes.GetValueOrDefault(b.ProductId, ""), b.Quantity))
                .OrderBy(r => r.LocationCode, StringComparer.Ordinal).ThenBy(r => r.ProductCode, StringComparer.Ordinal).ToList());
    }

    /// <summary>Cards held at a location (any status), numbers in full for the people handling them.</summary>
    public async Task<IReadOnlyList<StockCardView>> CardsAsync(string? locationCode, Guid? productId, CardStatus? status, CancellationToken cancellationToken)
    {
        var query = db.Set<Card>().AsNoTracking().Where(c => c.LocationCode != null);
        if (!string.IsNullOrWhiteSpace(locationCode))
        {
            var code = locationCode.Trim();
            query = query.Where(c => c.LocationCode == code);
        }

        if (productId is { } p)
        {
            query = query.Where(c => c.ProductId == p);
        }

        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        var cards = await query.OrderBy(c => c.Number).Take(5000).ToListAsync(cancellationToken);
        return cards.Select(c => new StockCardView(c.Id, c.Number, c.ProductId, c.Status, c.LocationCode, c.StatusChangedAt)).ToList();
    }

    public async Task<IReadOnlyList<CardMoveView>?> MovesAsync(string number, CancellationToken cancellationToken)
    {
        var trimmed = number.Trim();
        var card = await db.Set<Card>().AsNoTracking().Where(c => c.Number == trimmed).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (card is null)
        {
            return null;
        }

        var moves = await db.Set<CardMove>().AsNoTracking().Where(m => m.CardId == card).ToListAsync(cancellationToken);
        return moves.OrderBy(m => m.OccurredAt).Select(m => new CardMoveView(m.Id, m.FromStatus, m.ToStatus, m.FromLocationCode, m.ToLocationCode, m.Reference,
            m.Reason, m.UserName, m.OccurredAt)).ToList();
    }
}
