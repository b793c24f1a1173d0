using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Application.Cards;

/// <summary>A card's balance and points.</summary>
internal readonly record struct Totals(long Balance, long Points);

/// <summary>One ledger entry to write: its kind and the money and points it moves (positive in, negative out).</summary>
internal sealed record LedgerLine(LedgerEntryKind Kind, long Amount = 0, long Points = 0)
{
    /// <summary>The entry's id, given up front so that a later line of the same move can refer to it.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The entry this one reverses, refunds or earns points for (a payment).</summary>
    public Guid? OriginalEntryId { get; init; }

    public string? Reference { get; init; }
}

/// <summary>One move of a card's money and points: the entries it writes, in order, all with the same receipt and store.</summary>
internal sealed record LedgerMove(Guid CardId, string? ReceiptId, string? StoreCode, IReadOnlyList<LedgerLine> Lines)
{
    /// <summary>A move that changes nothing: it only locks the card's row (until commit) and reads its totals.</summary>
    public static LedgerMove Lock(Guid cardId) => new(cardId, null, null, []);

    /// <summary>A right PIN forgets the wrong ones before it.</summary>
    public bool ResetsPinAttempts { get; init; }
}

/// <summary>What a move did: the card's totals after it and the entries written (saved with the caller's next SaveChanges).</summary>
internal sealed record LedgerMoved(Totals After, IReadOnlyList<LedgerEntry> Entries);

/// <summary>
/// The only way money and points move on a card: <see cref="MoveAsync"/> changes the balance and points by the sums of
/// the move's lines and writes the lines as ledger entries, each with the totals after it.
/// <para>
/// Why one conditional UPDATE and not read-modify-write with the <see cref="Card.Version"/> token: a till
/// payment is the hot path and many tills may hit one card (a company gift card). The statement
/// <c>UPDATE cards SET balance = balance + @amount ... WHERE id = @id AND status = Active AND balance + @amount &gt;= 0</c>
/// is decided by the database on the row it locks: PostgreSQL re-checks the WHERE on the newest row version
/// after waiting for a competing writer (READ COMMITTED), SQLite runs writers one at a time (EF begins
/// transactions IMMEDIATE). So no overdraft and no lost update, without retries that would pile up under
/// contention. The UPDATE runs first in the transaction, so the row stays locked until commit: the balance
/// read back for the ledger entries and any checks on the ledger made after it (reversed already? refunded
/// too much?) see a state no other writer can change before the entries are inserted and committed.
/// The update also moves <see cref="Card.Version"/>, so status changes done on a tracked card (freeze, close)
/// fail with a concurrency conflict rather than overwrite a balance that moved under them.
/// </para>
/// </summary>
internal sealed class CardLedger(CardsDbContext db, ICurrentUser user, TimeProvider time)
{
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
            if (!outcome.IsRefused)
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
    /// Moves the card's balance and points by the sums of the lines when every condition in <paramref name="onlyIf"/>
    /// holds on the locked row and neither would go below zero, and adds the lines as entries (saved with the caller's
    /// next SaveChanges, in its transaction). Null when the card did not qualify. Call inside <see cref="AtomicAsync{T}"/>.
    /// </summary>
    public async Task<LedgerMoved?> MoveAsync(LedgerMove move, CancellationToken cancellationToken, params Expression<Func<Card, bool>>[] onlyIf)
    {
        var amount = move.Lines.Sum(l => l.Amount);
        var points = move.Lines.Sum(l => l.Points);
        var query = db.Set<Card>().Where(c => c.Id == move.CardId);
        foreach (var condition in onlyIf)
        {
            query = query.Where(condition);
        }

        var rows = await query
            .Where(c => c.Balance + amount >= 0 && c.Points + points >= 0)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(c => c.Balance, c => c.Balance + amount);
                s.SetProperty(c => c.Points, c => c.Points + points);
                s.SetProperty(c => c.Version, c => c.Version + 1);
                if (move.ResetsPinAttempts)
                {
                    s.SetProperty(c => c.FailedPinAttempts, 0);
                }
            }, cancellationToken);
        if (rows == 0)
        {
            return null;
        }

        var after = await db.Set<Card>().AsNoTracking().Where(c => c.Id == move.CardId).Select(c => new Totals(c.Balance, c.Points)).FirstAsync(cancellationToken);

        // The row is locked, so the totals after each line are the totals before the move plus the lines up to it.
        var entries = new List<LedgerEntry>(move.Lines.Count);
        var (balance, pointsLeft) = (after.Balance - amount, after.Points - points);
        foreach (var line in move.Lines)
        {
            (balance, pointsLeft) = (balance + line.Amount, pointsLeft + line.Points);
            entries.Add(Entry(move, line, new Totals(balance, pointsLeft)));
        }

        db.Set<LedgerEntry>().AddRange(entries);
        return new LedgerMoved(after, entries);
    }

    private LedgerEntry Entry(LedgerMove move, LedgerLine line, Totals after) => new()
    {
        Id = line.Id,
        CardId = move.CardId,
        Kind = line.Kind,
        Amount = line.Amount,
        Points = line.Points,
        BalanceAfter = after.Balance,
        PointsAfter = after.Points,
        ReceiptId = Trim(move.ReceiptId, 100),
        StoreCode = Trim(move.StoreCode, 50),
        OriginalEntryId = line.OriginalEntryId,
        Reference = Trim(line.Reference, 200),
        UserName = user.UserName ?? "system",
        OccurredAt = time.GetUtcNow().UtcDateTime,
    };

    private static string? Trim(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var t && t.Length > max ? t[..max] : value.Trim();
}
