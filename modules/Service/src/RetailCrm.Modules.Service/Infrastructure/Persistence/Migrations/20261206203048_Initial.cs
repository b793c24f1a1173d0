using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Migrations;

/// <summary>
/// The things table. Written by hand once for SQLite and PostgreSQL: names through <see cref="CrmMigration.Table"/>
/// and <see cref="CrmMigration.Schema"/>, column types left to the provider. A shipped migration never changes;
/// a change of the model is a new migration with a later id.
/// </summary>
[DbContext(typeof(ServiceDbContext))]
[Migration("20261206203048_Initial")]
internal sealed class Initial : CrmMigration
{
    protected override string ModuleId => ServiceDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("things"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("things"), x => x.Id));
        CreateIndex(migrationBuilder, "things", ["TenantId", "Name"]);
    }
}
