using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Application.Selling;

/// <summary>What the exchange form of the desk offers: the location it exchanges at, the fee and the cards of the product in that location's stock.</summary>
internal sealed record ExchangeOffer(string LocationCode, long Fee, string Currency, IReadOnlyList<string> StockNumbers);

/// <summary>Read-only lookups of the selling pages (the desk exchange form); the work stays in the services.</summary>
internal sealed class SellingPageQueries(CardsDbContext db, IOrganizationUnits units)
{
    private const int OfferedCards = 20;

    /// <summary>The exchange offer for a card at a store (its code) or, without one, at the head office; null when there is no such location.</summary>
    public async Task<ExchangeOffer?> ExchangeOfferAsync(Guid cardId, string? storeCode, CancellationToken cancellationToken)
    {
        var all = await units.ListAsync(cancellationToken);
        var location = string.IsNullOrWhiteSpace(storeCode)
            ? all.FirstOrDefault(u => u.Type == OrganizationUnitType.Headquarters)
            : all.FirstOrDefault(u => string.Equals(u.Code, storeCode.Trim(), StringComparison.OrdinalIgnoreCase));
        var card = await db.Set<Card>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cardId, cancellationToken);
        if (location is null || card is null)
        {
            return null;
        }

        var product = await db.Set<CardProduct>().AsNoTracking().FirstAsync(p => p.Id == card.ProductId, cancellationToken);
        var stock = ExchangeService.LocationStock(db.Set<Card>().AsNoTracking(), location.Type == OrganizationUnitType.Headquarters, location.Code)
            .Where(c => c.ProductId == card.ProductId && c.Id != card.Id);
        var numbers = await stock.OrderBy(c => c.Number).Select(c => c.Number).Take(OfferedCards).ToListAsync(cancellationToken);
        return new ExchangeOffer(location.Code, product.ExchangeFee, product.Currency, numbers);
    }
}
