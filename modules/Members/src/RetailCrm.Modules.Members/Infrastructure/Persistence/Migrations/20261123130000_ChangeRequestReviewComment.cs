using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Members.Infrastructure.Persistence.Migrations;

/// <summary>Keeps the supervisor's review comment apart from the data administrator's decision comment.</summary>
[DbContext(typeof(MembersDbContext))]
[Migration("20261123130000_ChangeRequestReviewComment")]
internal sealed class ChangeRequestReviewComment : CrmMigration
{
    protected override string ModuleId => MembersDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("ReviewComment", Table("change_requests"), maxLength: 1000, nullable: true, schema: Schema);
}
