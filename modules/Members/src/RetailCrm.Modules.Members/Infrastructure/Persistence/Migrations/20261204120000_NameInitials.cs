using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Members.Infrastructure.Persistence.Migrations;

/// <summary>
/// The pinyin initials of each customer's name, for the global search (张伟 → ZW). Customers stored before it get
/// theirs from the job <c>members.name-initials</c>, within minutes of the upgrade.
/// </summary>
[DbContext(typeof(MembersDbContext))]
[Migration("20261204120000_NameInitials")]
internal sealed class NameInitials : CrmMigration
{
    protected override string ModuleId => MembersDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("NameInitials", Table("customers"), maxLength: 64, nullable: false, defaultValue: "", schema: Schema);
        CreateIndex(migrationBuilder, "customers", ["TenantId", "NameInitials"]);
    }
}
