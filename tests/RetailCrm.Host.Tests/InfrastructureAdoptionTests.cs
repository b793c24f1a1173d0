using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Host.Tests;

/// <summary>
/// The kernel makes every module's outbox and audit tables in a first migration of its own. A database migrated
/// before that has the tables from each module's first migration: the host must start on it and record the
/// kernel's migration as applied, not run it again.
/// </summary>
public sealed class InfrastructureAdoptionTests
{
    private const string InfrastructureMigration = "00000000000000_CrmInfrastructure";

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.Postgres)]
    public async Task Should_start_on_a_database_whose_modules_made_their_outbox_and_audit_tables_themselves(TestDatabase database)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "retailcrm-tests", "adopt-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string> { ["RetailCrm:DataPath"] = dataPath };
        string? postgres;
        List<string> modules;
        using (var first = new CrmHostFactory(database, settings: settings))
        {
            modules = first.Services.GetRequiredService<DbContextRegistry>().Contexts.Select(c => c.ModuleId).ToList();
            postgres = first.PostgresConnection;
        }

        await using (var connection = Open(database, dataPath, postgres))
        {
            foreach (var module in modules)
            {
                (await ExecuteAsync(connection, $"DELETE FROM {HistoryTable(database, module)} WHERE \"MigrationId\" = '{InfrastructureMigration}'")).ShouldBe(1, module);
            }
        }

        using var second = new CrmHostFactory(database, sharedPostgres: postgres, settings: settings);
        var registry = second.Services.GetRequiredService<DbContextRegistry>();
        foreach (var registered in registry.Contexts)
        {
            using var scope = second.Services.CreateScope();
            var applied = await registered.Resolve(scope.ServiceProvider).Database.GetAppliedMigrationsAsync();
            applied.ShouldContain(InfrastructureMigration, registered.ModuleId);
        }

        // The tables are the ones the modules made: a write is audited and an event is kept in the outbox.
        var client = await second.SignedInClientAsync();
        await second.CreateTenantAsync(client, Names.Tenant("adopted"));
        Directory.Delete(dataPath, recursive: true);
    }

    private static string HistoryTable(TestDatabase database, string module) =>
        database == TestDatabase.Postgres ? $"\"{module}\".\"__migrations\"" : $"\"{module}__migrations\"";

    private static DbConnection Open(TestDatabase database, string dataPath, string? postgres)
    {
        DbConnection connection = database == TestDatabase.Postgres
            ? new NpgsqlConnection(postgres)
            : new SqliteConnection($"Data Source={Path.Combine(dataPath, "retailcrm.db")}");
        connection.Open();
        return connection;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }
}
