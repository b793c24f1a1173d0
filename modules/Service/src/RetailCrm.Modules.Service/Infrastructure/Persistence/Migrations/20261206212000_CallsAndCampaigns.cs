using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Migrations;

/// <summary>Call records from the PBX, agents' extensions, the secrets and nonces of the signed webhooks (PBX, SMS), outbound call lists.</summary>
[DbContext(typeof(ServiceDbContext))]
[Migration("20261206212000_CallsAndCampaigns")]
internal sealed class CallsAndCampaigns : CrmMigration
{
    protected override string ModuleId => ServiceDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("calls"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CallId = t.Column<string>(maxLength: 100, nullable: false),
            From = t.Column<string>(maxLength: 40, nullable: false),
            FromE164 = t.Column<string>(maxLength: 40, nullable: true),
            To = t.Column<string>(maxLength: 40, nullable: false),
            Extension = t.Column<string>(maxLength: 20, nullable: true),
            AgentUserId = t.Column<Guid>(nullable: true),
            CustomerId = t.Column<Guid>(nullable: true),
            RingingAt = t.Column<DateTime>(nullable: true),
            AnsweredAt = t.Column<DateTime>(nullable: true),
            EndedAt = t.Column<DateTime>(nullable: true),
            DurationSeconds = t.Column<int>(nullable: true),
            RecordingUrl = t.Column<string>(maxLength: 500, nullable: true),
            TicketId = t.Column<Guid>(nullable: true),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("calls"), x => x.Id));
        CreateIndex(migrationBuilder, "calls", ["TenantId", "CallId"], unique: true);
        CreateIndex(migrationBuilder, "calls", ["TenantId", "RingingAt"]);
        CreateIndex(migrationBuilder, "calls", ["TenantId", "TicketId"]);

        migrationBuilder.CreateTable(Table("agent_extensions"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            Extension = t.Column<string>(maxLength: 20, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("agent_extensions"), x => x.Id));
        CreateIndex(migrationBuilder, "agent_extensions", ["TenantId", "Extension"], unique: true);
        CreateIndex(migrationBuilder, "agent_extensions", ["TenantId", "UserId"], unique: true);

        migrationBuilder.CreateTable(Table("webhook_secrets"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Source = t.Column<string>(maxLength: 10, nullable: false),
            ProtectedSecret = t.Column<string>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("webhook_secrets"), x => x.Id));
        CreateIndex(migrationBuilder, "webhook_secrets", ["TenantId", "Source"], unique: true);

        migrationBuilder.CreateTable(Table("webhook_nonces"), schema: Schema, columns: t => new
        {
            TenantId = t.Column<Guid>(nullable: false),
            Source = t.Column<string>(maxLength: 10, nullable: false),
            Nonce = t.Column<string>(maxLength: 100, nullable: false),
            UsedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("webhook_nonces"), x => new { x.TenantId, x.Source, x.Nonce }));
        CreateIndex(migrationBuilder, "webhook_nonces", ["UsedAt"]);

        migrationBuilder.CreateTable(Table("campaigns"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 120, nullable: false),
            Term = t.Column<string>(maxLength: 100, nullable: true),
            Tier = t.Column<string>(maxLength: 50, nullable: true),
            LifecycleClass = t.Column<string>(maxLength: 20, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CreatedByUserId = t.Column<Guid>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("campaigns"), x => x.Id));
        CreateIndex(migrationBuilder, "campaigns", ["TenantId", "CreatedAt"]);

        migrationBuilder.CreateTable(Table("campaign_calls"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CampaignId = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: false),
            CustomerName = t.Column<string>(maxLength: 200, nullable: false),
            Phone = t.Column<string>(maxLength: 40, nullable: false),
            AgentUserId = t.Column<Guid>(nullable: false),
            Outcome = t.Column<string>(maxLength: 20, nullable: true),
            Note = t.Column<string>(maxLength: 1000, nullable: true),
            CalledAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("campaign_calls"), x => x.Id));
        CreateIndex(migrationBuilder, "campaign_calls", ["TenantId", "CampaignId", "AgentUserId"]);
        CreateIndex(migrationBuilder, "campaign_calls", ["TenantId", "CampaignId", "CustomerId"], unique: true);
    }
}
