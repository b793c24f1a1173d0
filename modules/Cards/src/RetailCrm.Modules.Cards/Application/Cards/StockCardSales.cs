using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>
/// A sale of a card picked from stock while other sales may pick the same card (HQ bulk sale, the new card of an
/// exchange): <see cref="Card.Activate"/> made by one conditional UPDATE, so of two sales racing for a card exactly one
/// takes it (PostgreSQL re-checks the WHERE after the winner commits; SQLite runs writers one at a time) and the other
/// moves on to the next card. Its value goes on afterwards through the <see cref="CardLedger"/>.
/// </summary>
internal static class StockCardSales
{
    /// <summary>Sells the card <paramref name="cardId"/> when it is still in <paramref name="stock"/> and blank (no balance, no points); false when another took it.</summary>
    public static async Task<bool> TakeAsync(IQueryable<Card> stock, Guid cardId, CardSale sale, CancellationToken cancellationToken) =>
        await stock.Where(c => c.Id == cardId && c.Balance == 0 && c.Points == 0).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, CardStatus.Active)
            .SetProperty(c => c.HolderCustomerId, sale.HolderId)
            .SetProperty(c => c.HolderCode, sale.HolderCode)
            .SetProperty(c => c.PinHash, sale.PinHash)
            .SetProperty(c => c.FailedPinAttempts, 0)
            .SetProperty(c => c.StoreCode, sale.StoreCode)
            .SetProperty(c => c.LocationCode, (string?)null)
            .SetProperty(c => c.ActivatedAt, sale.At)
            .SetProperty(c => c.StatusChangedAt, sale.At)
            .SetProperty(c => c.ExpiresAt, sale.ExpiresAt)
            .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken) == 1;

}
