using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Domain.Stock;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Cards.Application.Stock;

/// <summary>
/// Moves cards and blanks through stock. Both move by conditional UPDATEs decided on the locked rows, so two
/// parallel runs never take the same blanks or ship the same card; call inside <c>CardLedger.AtomicAsync</c>.
/// </summary>
internal sealed class StockMoves(CardsDbContext db, ICurrentUser user, TimeProvider time)
{
    public string UserName => user.UserName ?? "system";

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Moves exactly these cards from one status and location to another and logs each move; false (nothing
    /// logged) when any of them is no longer where it was, and the caller rolls back.
    /// </summary>
    public async Task<bool> MoveCardsAsync(IReadOnlyCollection<Guid> cardIds, CardStatus from, string? fromLocation, CardStatus to, string? toLocation,
        string reference, string? reason, CancellationToken cancellationToken)
    {
        if (cardIds.Count == 0)
        {
            return true;
        }

        var now = Now;
        var ids = cardIds.ToList();
        var rows = await db.Set<Card>()
            .Where(c => ids.Contains(c.Id) && c.Status == from && c.LocationCode == fromLocation)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, to)
                .SetProperty(c => c.LocationCode, toLocation)
                .SetProperty(c => c.StatusChangedAt, now)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (rows != ids.Count)
        {
            return false;
        }

        foreach (var id in ids)
        {
            Log(id, from, fromLocation, to, toLocation, reference, reason);
        }

        return true;
    }

    public void Log(Guid cardId, CardStatus? from, string? fromLocation, CardStatus to, string? toLocation, string reference, string? reason = null) =>
        db.Set<CardMove>().Add(new CardMove
        {
            Id = Guid.NewGuid(),
            CardId = cardId,
            FromStatus = from,
            ToStatus = to,
            FromLocationCode = fromLocation,
            ToLocationCode = toLocation,
            Reference = reference,
            Reason = reason,
            UserName = UserName,
            OccurredAt = Now,
        });

    /// <summary>
    /// Makes sure the blank stock row of a location and product exists, before the transaction that moves it: a
    /// parallel insert of the same row fails on the unique index here, where it harms nothing.
    /// </summary>
    public async Task EnsureBlanksRowAsync(string location, Guid productId, CancellationToken cancellationToken)
    {
        if (await db.Set<BlankStock>().AnyAsync(b => b.LocationCode == location && b.ProductId == productId, cancellationToken))
        {
            return;
        }

        db.Set<BlankStock>().Add(new BlankStock { Id = Guid.NewGuid(), LocationCode = location, ProductId = productId, UpdatedAt = Now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request created it meanwhile.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Adds (or, negative, takes) blanks when enough are there; false when the stock would go below zero.</summary>
    public async Task<bool> MoveBlanksAsync(string location, Guid productId, int delta, CancellationToken cancellationToken)
    {
        var now = Now;
        var rows = await db.Set<BlankStock>()
            .Where(b => b.LocationCode == location && b.ProductId == productId && b.Quantity + delta >= 0)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Quantity, b => b.Quantity + delta).SetProperty(b => b.UpdatedAt, now), cancellationToken);
        return rows == 1;
    }

    public Task<int> BlanksAsync(string location, Guid productId, CancellationToken cancellationToken) =>
        db.Set<BlankStock>().AsNoTracking().Where(b => b.LocationCode == location && b.ProductId == productId)
            .Select(b => b.Quantity).FirstOrDefaultAsync(cancellationToken);
}
