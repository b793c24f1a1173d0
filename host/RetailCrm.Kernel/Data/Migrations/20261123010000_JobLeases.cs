using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Kernel.Data.Migrations;

[DbContext(typeof(KernelDbContext))]
[Migration("20261123010000_JobLeases")]
internal sealed class JobLeases : CrmMigration
{
    protected override string ModuleId => KernelDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("job_leases"), schema: Schema, columns: t => new
        {
            JobName = t.Column<string>(maxLength: 200, nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            LockedUntil = t.Column<DateTime>(nullable: true),
            LastRunAt = t.Column<DateTime>(nullable: true),
            LastError = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("job_leases"), x => new { x.JobName, x.TenantId }));
    }
}
