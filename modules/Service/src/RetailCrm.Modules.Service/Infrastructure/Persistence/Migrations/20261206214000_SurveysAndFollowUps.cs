using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Migrations;

/// <summary>Satisfaction surveys of resolved tickets and follow-up visits of closed ones. Written by hand, like Initial.</summary>
[DbContext(typeof(ServiceDbContext))]
[Migration("20261206214000_SurveysAndFollowUps")]
internal sealed class SurveysAndFollowUps : CrmMigration
{
    protected override string ModuleId => ServiceDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("surveys"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            TicketId = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: true),
            AgentUserId = t.Column<Guid>(nullable: true),
            Channel = t.Column<string>(maxLength: 10, nullable: false),
            Address = t.Column<string>(maxLength: 200, nullable: false),
            Language = t.Column<string>(maxLength: 10, nullable: false),
            LinkBase = t.Column<string>(maxLength: 200, nullable: false),
            TokenHash = t.Column<string>(maxLength: 64, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: true),
            ExpiresAt = t.Column<DateTime>(nullable: true),
            Score = t.Column<int>(nullable: true),
            Comment = t.Column<string>(maxLength: 2000, nullable: true),
            AnsweredAt = t.Column<DateTime>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("surveys"), x => x.Id));
        CreateIndex(migrationBuilder, "surveys", ["TenantId", "TicketId"], unique: true);
        CreateIndex(migrationBuilder, "surveys", ["TokenHash"], unique: true);
        CreateIndex(migrationBuilder, "surveys", ["TenantId", "AnsweredAt"]);

        migrationBuilder.CreateTable(Table("follow_ups"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            TicketId = t.Column<Guid>(nullable: false),
            AgentUserId = t.Column<Guid>(nullable: true),
            ScheduledAt = t.Column<DateTime>(nullable: false),
            DueAt = t.Column<DateTime>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            FollowUpTicketId = t.Column<Guid>(nullable: true),
            Reason = t.Column<string>(maxLength: 400, nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("follow_ups"), x => x.Id));
        CreateIndex(migrationBuilder, "follow_ups", ["TenantId", "Status", "DueAt"]);
        CreateIndex(migrationBuilder, "follow_ups", ["TenantId", "TicketId"]);
    }
}
