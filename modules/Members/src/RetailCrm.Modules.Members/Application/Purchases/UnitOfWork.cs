using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Infrastructure.Persistence;

namespace RetailCrm.Modules.Members.Application.Purchases;

/// <summary>
/// Runs writes that must land together (a set-based update and a SaveChanges) atomically: in a
/// new transaction, or inside the caller's open transaction under a savepoint (an import batch
/// commits or rolls back its own transaction). Undone writes leave nothing tracked behind.
/// </summary>
internal static class UnitOfWork
{
    private const string Savepoint = "members_unit";

    /// <summary>Runs <paramref name="work"/>; keeps its writes only when it returns <c>Keep = true</c> and throws nothing.</summary>
    public static async Task<T> AtomicAsync<T>(this MembersDbContext db, Func<Task<(T Result, bool Keep)>> work, CancellationToken cancellationToken)
    {
        var addedBefore = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        var outer = db.Database.CurrentTransaction;
        var own = outer is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (outer is not null)
            {
                await outer.CreateSavepointAsync(Savepoint, cancellationToken);
            }

            (T Result, bool Keep) outcome;
            try
            {
                outcome = await work();
            }
            catch
            {
                await UndoAsync(db, own, outer, addedBefore);
                throw;
            }

            if (!outcome.Keep)
            {
                await UndoAsync(db, own, outer, addedBefore);
            }
            else if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            else
            {
                await outer!.ReleaseSavepointAsync(Savepoint, cancellationToken);
            }

            return outcome.Result;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private static async Task UndoAsync(MembersDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? own, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? outer, HashSet<object> addedBefore)
    {
        // Rolled back whatever the cancellation token says: a half-done unit must not stay.
        if (own is not null)
        {
            await own.RollbackAsync(CancellationToken.None);
        }
        else
        {
            await outer!.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
        }

        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && !addedBefore.Contains(e.Entity)).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
