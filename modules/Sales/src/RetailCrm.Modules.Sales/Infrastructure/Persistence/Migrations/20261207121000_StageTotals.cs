using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Sales.Infrastructure.Persistence.Migrations;

/// <summary>
/// The board's stage totals per owner and unit (count and amount of open deals), kept by every save of a deal from
/// now on, and counted once here from the deals there are.
/// </summary>
[DbContext(typeof(SalesDbContext))]
[Migration("20261207121000_StageTotals")]
internal sealed class StageTotals : CrmMigration
{
    protected override string ModuleId => SalesDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("stage_totals"), schema: Schema, columns: t => new
        {
            TenantId = t.Column<Guid>(nullable: false),
            StageId = t.Column<Guid>(nullable: false),
            OwnerUserId = t.Column<Guid>(nullable: false),
            UnitKey = t.Column<Guid>(nullable: false),
            UnitId = t.Column<Guid>(nullable: true),
            PipelineId = t.Column<Guid>(nullable: false),
            Count = t.Column<int>(nullable: false),
            Amount = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("stage_totals"), x => new { x.TenantId, x.StageId, x.OwnerUserId, x.UnitKey }));
        CreateIndex(migrationBuilder, "stage_totals", ["TenantId", "PipelineId"]);

        var postgres = ModuleNaming.IsPostgres(ActiveProvider);
        string Name(string table) => Schema is null ? $"\"{Table(table)}\"" : $"\"{Schema}\".\"{Table(table)}\"";
        var none = postgres ? "'00000000-0000-0000-0000-000000000000'::uuid" : "'00000000-0000-0000-0000-000000000000'";
        migrationBuilder.Sql($"""
            INSERT INTO {Name("stage_totals")} ("TenantId", "StageId", "OwnerUserId", "UnitKey", "UnitId", "PipelineId", "Count", "Amount")
            SELECT "TenantId", "StageId", "OwnerUserId", COALESCE("UnitId", {none}), "UnitId", "PipelineId", COUNT(*), SUM("Amount")
            FROM {Name("opportunities")} WHERE "Status" = 'Open'
            GROUP BY "TenantId", "StageId", "OwnerUserId", "UnitId", "PipelineId";
            """);
    }
}
