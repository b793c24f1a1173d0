using Microsoft.EntityFrameworkCore;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Sales.Infrastructure.Persistence;

/// <summary>
/// The sales module's tables. The kernel applies the module's entity configurations (Configurations/) and puts the
/// tables under the module's table prefix (SQLite) or schema (PostgreSQL); code queries with <c>Set&lt;T&gt;()</c>.
/// A save that adds or changes deals also brings the board's stage totals up to date, in the same transaction.
/// </summary>
internal sealed class SalesDbContext(DbContextOptions<SalesDbContext> options) : CrmDbContext(options)
{
    public const string ModuleId = "sales";

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var noted = StageTotals.Noted(ChangeTracker);
        if (noted.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await StageTotals.ApplyAsync(this, noted, cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return saved;
    }
}
