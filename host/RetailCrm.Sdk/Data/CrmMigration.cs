using Microsoft.EntityFrameworkCore.Migrations;

namespace RetailCrm.Sdk.Data;

/// <summary>
/// Base of a module's migrations. Migrations are written once for every provider: use
/// <see cref="Table"/> and <see cref="Schema"/> for names and leave column types to the provider.
/// The kernel creates the module's schema, outbox and audit tables before the module's first migration runs.
/// </summary>
public abstract class CrmMigration : Migration
{
    /// <summary>Id of the module whose tables this migration changes.</summary>
    protected abstract string ModuleId { get; }

    private ModuleNaming Naming => new(ModuleId, ModuleNaming.IsPostgres(ActiveProvider));

    /// <summary>The module's schema on PostgreSQL, null on SQLite.</summary>
    protected string? Schema => Naming.SchemaOrNull;

    /// <summary>The table's name as stored: prefixed on SQLite, bare (in the schema) on PostgreSQL.</summary>
    protected string Table(string name) => Naming.Table(name);

    /// <summary>Creates an index on a module table, named <c>IX_{table}_{columns}</c>.</summary>
    protected void CreateIndex(MigrationBuilder migrationBuilder, string table, string[] columns, bool unique = false) =>
        migrationBuilder.CreateIndex($"IX_{Table(table)}_{string.Join("_", columns)}", Table(table), columns, Schema, unique);
}
