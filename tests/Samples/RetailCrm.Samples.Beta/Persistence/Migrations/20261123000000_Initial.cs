using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Samples.Beta.Persistence.Migrations;

[DbContext(typeof(BetaDbContext))]
[Migration("20261123000000_Initial")]
internal sealed class Initial : CrmMigration
{
    protected override string ModuleId => "beta";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("received"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            ThingId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Attempts = t.Column<int>(nullable: false),
            ReceivedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("received"), x => x.Id));
        CreateIndex(migrationBuilder, "received", ["TenantId"]);
    }
}
