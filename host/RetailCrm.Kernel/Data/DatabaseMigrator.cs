using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RetailCrm.Kernel.Data;

/// <summary>
/// Applies each DbContext's migrations in module order, the kernel's first. Every module keeps
/// its own history table, so a module installed later migrates without touching the others.
/// </summary>
internal sealed class DatabaseMigrator(IServiceScopeFactory scopes, DbContextRegistry registry, DatabaseOptions database, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        foreach (var registered in registry.Contexts)
        {
            using var scope = scopes.CreateScope();
            var context = registry.Resolve(scope.ServiceProvider, registered);
            if (!database.UsesPostgres)
            {
                // WAL lets readers go on while one writer commits: many tills, one file.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Migrating {Module}: {Migrations}", registered.ModuleId, string.Join(", ", pending));
                await context.Database.MigrateAsync(cancellationToken);
            }
        }
    }
}
