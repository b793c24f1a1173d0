using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Sales.Infrastructure.Persistence.Migrations;

/// <summary>
/// Tasks with due dates and reminders, the supervisors' weekly journal reviews, and the deal's forecast category
/// (existing deals are in the pipeline), with the index the forecast reads open deals by month through.
/// </summary>
[DbContext(typeof(SalesDbContext))]
[Migration("20261207110000_TasksReviewsForecast")]
internal sealed class TasksReviewsForecast : CrmMigration
{
    protected override string ModuleId => SalesDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("ForecastCategory", Table("opportunities"), maxLength: 10, nullable: false, defaultValue: "Pipeline", schema: Schema);
        CreateIndex(migrationBuilder, "opportunities", ["TenantId", "Status", "ExpectedCloseDate"]);

        migrationBuilder.CreateTable(Table("tasks"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            OpportunityId = t.Column<Guid>(nullable: true),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Notes = t.Column<string>(maxLength: 2000, nullable: true),
            AssigneeUserId = t.Column<Guid>(nullable: false),
            UnitId = t.Column<Guid>(nullable: true),
            DueAt = t.Column<DateTime>(nullable: false),
            RemindAt = t.Column<DateTime>(nullable: true),
            RemindedAt = t.Column<DateTime>(nullable: true),
            CompletedAt = t.Column<DateTime>(nullable: true),
            CreatedByUserId = t.Column<Guid>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("tasks"), x => x.Id));
        CreateIndex(migrationBuilder, "tasks", ["TenantId", "AssigneeUserId", "CompletedAt", "DueAt"]);
        CreateIndex(migrationBuilder, "tasks", ["TenantId", "OpportunityId"]);
        CreateIndex(migrationBuilder, "tasks", ["TenantId", "RemindedAt", "RemindAt"]);

        migrationBuilder.CreateTable(Table("journal_reviews"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            SalesPersonUserId = t.Column<Guid>(nullable: false),
            UnitId = t.Column<Guid>(nullable: true),
            WeekStart = t.Column<DateOnly>(nullable: false),
            Verdict = t.Column<string>(maxLength: 10, nullable: false),
            Comment = t.Column<string>(maxLength: 2000, nullable: true),
            ReviewerUserId = t.Column<Guid>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("journal_reviews"), x => x.Id));
        CreateIndex(migrationBuilder, "journal_reviews", ["TenantId", "SalesPersonUserId", "WeekStart"]);
    }
}
