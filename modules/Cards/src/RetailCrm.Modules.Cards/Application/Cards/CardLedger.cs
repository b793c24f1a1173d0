using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>
/// The only way money and points move on a card.
/// <para>
/// Why one conditional UPDATE and not read-modify-write with the <see cref="Card.Version"/> token: a till
/// payment is the hot path and many tills may hit one card (a company gift card). The statement
/// <c>UPDATE cards SET balance = balance + @amount ... WHERE id = @id AND status = Active AND balance &gt;= @debit</c>
/// is decided by the database on the row it locks: PostgreSQL re-checks the WHERE on the newest row version
/// after waiting for a competing writer (READ COMMITTED), SQLite runs writers one at a time (EF begins
/// transactions IMMEDIATE). So no overdraft and no lost update, without retries that would pile up under
/// contention. The UPDATE runs first in the transaction, so the row stays locked until commit: the balance
/// read back for the ledger entry and any checks on the ledger made after it (reversed already? refunded
/// too much?) see a state no other writer can change before the entry is inserted and committed.
/// The update also moves <see cref="Card.Version"/>, so status changes done on a tracked card (freeze, close)
/// fail with a concurrency conflict rather than overwrite a balance that moved under them.
/// </para>
/// </summary>
internal sealed class CardLedger(CardsDbContext db, ICurrentUser user, TimeProvider time)
{
    internal readonly record struct Totals(long Balance, long Points);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction; it commits only when the work returns a value and
    /// rolls back (nothing tracked left behind) when it returns a refusal or throws.
    /// </summary>
    public async Task<Result<T>> AtomicAsync<T>(Func<Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A failed SaveChanges rolls the whole work back anyway; EF's savepoint around each SaveChanges would only add round trips.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            var outcome = await work();
            if (outcome.Refusal is null)
            {
                await transaction.CommitAsync(cancellationToken);
                return outcome;
            }

            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return outcome;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>
    /// Moves the card's balance and points by the given deltas when <paramref name="allowed"/> holds on the locked
    /// row and neither would go below zero; the totals after it, or null when the card did not qualify.
    /// Call inside <see cref="AtomicAsync{T}"/>.
    /// </summary>
    public async Task<Totals?> MoveAsync(Guid cardId, long amount, long points, Expression<Func<Card, bool>> allowed, bool resetPinAttempts, CancellationToken cancellationToken)
    {
        var rows = await db.Cards
            .Where(c => c.Id == cardId)
            .Where(allowed)
            .Where(c => c.Balance + amount >= 0 && c.Points + points >= 0)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(c => c.Balance, c => c.Balance + amount);
                s.SetProperty(c => c.Points, c => c.Points + points);
                s.SetProperty(c => c.Version, c => c.Version + 1);
                if (resetPinAttempts)
                {
                    s.SetProperty(c => c.FailedPinAttempts, 0);
                }
            }, cancellationToken);
        return rows == 0 ? null : await TotalsAsync(cardId, cancellationToken);
    }

    public Task<Totals> TotalsAsync(Guid cardId, CancellationToken cancellationToken) =>
        db.Cards.AsNoTracking().Where(c => c.Id == cardId).Select(c => new Totals(c.Balance, c.Points)).FirstAsync(cancellationToken);

    /// <summary>Appends an entry (saved with the next SaveChanges, in the caller's transaction).</summary>
    public LedgerEntry Append(Guid cardId, LedgerEntryKind kind, long amount, long points, Totals after, string? receiptId = null,
        string? storeCode = null, Guid? originalEntryId = null, string? reference = null)
    {
        var entry = new LedgerEntry
        {
            Id = Guid.NewGuid(),
            CardId = cardId,
            Kind = kind,
            Amount = amount,
            Points = points,
            BalanceAfter = after.Balance,
            PointsAfter = after.Points,
            ReceiptId = Trim(receiptId, 100),
            StoreCode = Trim(storeCode, 50),
            OriginalEntryId = originalEntryId,
            Reference = Trim(reference, 200),
            UserName = user.UserName ?? "system",
            OccurredAt = time.GetUtcNow().UtcDateTime,
        };
        db.Ledger.Add(entry);
        return entry;
    }

    private static string? Trim(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var t && t.Length > max ? t[..max] : value.Trim();
}
