using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Samples.Alpha.Persistence.Migrations;

[DbContext(typeof(AlphaDbContext))]
[Migration("20261123000000_Initial")]
internal sealed class Initial : CrmMigration
{
    protected override string ModuleId => "alpha";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("things"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("things"), x => x.Id));
        CreateIndex(migrationBuilder, "things", ["TenantId"]);
    }
}
