using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Members.Infrastructure.Persistence.Migrations;

/// <summary>Keeps the order of a receipt's lines, which a replayed receipt is compared in.</summary>
[DbContext(typeof(MembersDbContext))]
[Migration("20261123110001_PurchaseLineNumbers")]
internal sealed class PurchaseLineNumbers : CrmMigration
{
    protected override string ModuleId => MembersDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<int>("LineNo", Table("purchase_lines"), nullable: false, defaultValue: 0, schema: Schema);
}
