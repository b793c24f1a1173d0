using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Kernel.Data.Migrations;

[DbContext(typeof(KernelDbContext))]
[Migration("20261206000001_TenantLogos")]
internal sealed class TenantLogos : CrmMigration
{
    protected override string ModuleId => KernelDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("tenant_logos"), schema: Schema, columns: t => new
        {
            TenantId = t.Column<Guid>(nullable: false),
            ContentType = t.Column<string>(maxLength: 50, nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            Hash = t.Column<string>(maxLength: 64, nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("tenant_logos"), x => x.TenantId));
    }
}
