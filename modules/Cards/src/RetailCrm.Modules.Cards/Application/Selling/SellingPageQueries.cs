using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Cards.Application.Selling;

/// <summary>What the exchange form of the desk offers: the location it exchanges at, the fee and the cards of the product in that location's stock.</summary>
internal sealed record ExchangeOffer(string LocationCode, long Fee, string Currency, IReadOnlyList<string> StockNumbers);

/// <summary>Read-only lookups of the selling pages (desk exchange form, settlement day); the work stays in the services.</summary>
internal sealed class SellingPageQueries(CardsDbContext db, IOrganizationUnits units, ISettingProvider settings, TimeProvider time)
{
    private const int OfferedCards = 20;

    /// <summary>The exchange offer for a card at a store (its code) or, without one, at the head office; null when there is no such location.</summary>
    public async Task<ExchangeOffer?> ExchangeOfferAsync(Guid cardId, string? storeCode, CancellationToken cancellationToken)
    {
        var all = await units.ListAsync(cancellationToken);
        var location = string.IsNullOrWhiteSpace(storeCode)
            ? all.FirstOrDefault(u => u.Type == OrganizationUnitType.Headquarters)
            : all.FirstOrDefault(u => string.Equals(u.Code, storeCode.Trim(), StringComparison.OrdinalIgnoreCase));
        var card = await db.Cards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cardId, cancellationToken);
        if (location is null || card is null)
        {
            return null;
        }

        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == card.ProductId, cancellationToken);
        var stock = db.Cards.AsNoTracking().Where(c => c.ProductId == card.ProductId && c.Id != card.Id && c.Balance == 0 && c.Points == 0);
        var code = location.Code;
        stock = location.Type == OrganizationUnitType.Headquarters
            ? stock.Where(c => c.Status == CardStatus.InStock)
            : stock.Where(c => c.Status == CardStatus.AtStore && c.LocationCode == code);
        var numbers = await stock.OrderBy(c => c.Number).Select(c => c.Number).Take(OfferedCards).ToListAsync(cancellationToken);
        return new ExchangeOffer(location.Code, product.ExchangeFee, product.Currency, numbers);
    }

    /// <summary>Today in the settlement time zone (setting <c>cards.settlement.timeZone</c>), as YYYY-MM-DD.</summary>
    public async Task<string> SettlementTodayAsync(CancellationToken cancellationToken)
    {
        var zoneId = await settings.GetAsync(CardsSettings.SettlementTimeZone, cancellationToken);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId ?? CardsSettings.DefaultTimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
