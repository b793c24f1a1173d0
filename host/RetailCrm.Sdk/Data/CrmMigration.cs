using Microsoft.EntityFrameworkCore.Migrations;

namespace RetailCrm.Sdk.Data;

/// <summary>
/// Base of a module's migrations. Migrations are written once for every provider: use
/// <see cref="Table"/> and <see cref="Schema"/> for names and leave column types to the provider.
/// A module's first migration calls <see cref="CreateInfrastructureTables"/>.
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

    /// <summary>Creates the module's outbox and audit tables.</summary>
    protected void CreateInfrastructureTables(MigrationBuilder migrationBuilder)
    {
        if (Schema is not null)
        {
            migrationBuilder.EnsureSchema(Schema);
        }

        migrationBuilder.CreateTable(
            name: Table("outbox"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                TenantId = t.Column<Guid>(nullable: true),
                EventName = t.Column<string>(maxLength: 200, nullable: false),
                Payload = t.Column<string>(nullable: false),
                OccurredAt = t.Column<DateTime>(nullable: false),
                ProcessedAt = t.Column<DateTime>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + Table("outbox"), x => x.Id));
        CreateIndex(migrationBuilder, "outbox", ["ProcessedAt"]);

        migrationBuilder.CreateTable(
            name: Table("audit_log"),
            schema: Schema,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                TenantId = t.Column<Guid>(nullable: true),
                UserName = t.Column<string>(maxLength: 200, nullable: true),
                EntityType = t.Column<string>(maxLength: 200, nullable: false),
                EntityId = t.Column<string>(maxLength: 200, nullable: false),
                Action = t.Column<string>(maxLength: 20, nullable: false),
                Changes = t.Column<string>(nullable: false),
                OccurredAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_" + Table("audit_log"), x => x.Id));
        CreateIndex(migrationBuilder, "audit_log", ["TenantId", "OccurredAt"]);
    }

    /// <summary>Creates an index on a module table, named <c>IX_{table}_{columns}</c>.</summary>
    protected void CreateIndex(MigrationBuilder migrationBuilder, string table, string[] columns, bool unique = false) =>
        migrationBuilder.CreateIndex($"IX_{Table(table)}_{string.Join("_", columns)}", Table(table), columns, Schema, unique);
}
