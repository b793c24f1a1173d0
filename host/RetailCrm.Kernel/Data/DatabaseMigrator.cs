using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RetailCrm.Kernel.Data.Conventions;
using RetailCrm.Sdk.Data;

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
            var context = registered.Resolve(scope.ServiceProvider);
            if (!database.UsesPostgres)
            {
                // WAL lets readers go on while one writer commits: many tills, one file.
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            await AdoptInfrastructureAsync(context, registered.ModuleId, cancellationToken);
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Migrating {Module}: {Migrations}", registered.ModuleId, string.Join(", ", pending));
                await context.Database.MigrateAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// A database migrated before the kernel made the outbox and audit tables itself has them from the module's
    /// first migration: the infrastructure migration is recorded as applied instead of run.
    /// </summary>
    private async Task AdoptInfrastructureAsync(CrmDbContext context, string moduleId, CancellationToken cancellationToken)
    {
        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        if (applied.Count == 0 || applied.Contains(InfrastructureMigration.Id))
        {
            return;
        }

        var row = new HistoryRow(InfrastructureMigration.Id, ProductVersion);
        await context.Database.ExecuteSqlRawAsync(context.GetService<IHistoryRepository>().GetInsertScript(row), cancellationToken);
        logger.LogInformation("{Module}: the outbox and audit tables of its first migration are now the kernel's ({Migration})", moduleId, InfrastructureMigration.Id);
    }

    private static readonly string ProductVersion = typeof(DbContext).Assembly.GetName().Version?.ToString(3) ?? "10.0.0";
}
