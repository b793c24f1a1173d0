using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Kernel.Data.Migrations;

/// <summary>Tenants' own template texts and the outgoing messages (Templates/, Messaging/).</summary>
[DbContext(typeof(KernelDbContext))]
[Migration("20261206000000_Messaging")]
internal sealed class Messaging : CrmMigration
{
    protected override string ModuleId => KernelDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("template_overrides"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Key = t.Column<string>(maxLength: 200, nullable: false),
            Culture = t.Column<string>(maxLength: 10, nullable: false),
            Text = t.Column<string>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("template_overrides"), x => x.Id));
        CreateIndex(migrationBuilder, "template_overrides", ["TenantId", "Key", "Culture"], unique: true);

        migrationBuilder.CreateTable(Table("outgoing_messages"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Channel = t.Column<string>(maxLength: 50, nullable: false),
            To = t.Column<string>(maxLength: 320, nullable: false),
            ToName = t.Column<string>(maxLength: 200, nullable: true),
            TemplateKey = t.Column<string>(maxLength: 200, nullable: false),
            Culture = t.Column<string>(maxLength: 10, nullable: false),
            ModelJson = t.Column<string>(nullable: false),
            Status = t.Column<int>(nullable: false),
            Failure = t.Column<int>(nullable: false),
            Reason = t.Column<string>(maxLength: 2000, nullable: true),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptAt = t.Column<DateTime>(nullable: false),
            Subject = t.Column<string>(maxLength: 1000, nullable: true),
            TransportId = t.Column<string>(maxLength: 300, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            SentAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("outgoing_messages"), x => x.Id));
        CreateIndex(migrationBuilder, "outgoing_messages", ["TenantId", "Status", "NextAttemptAt"]);
        CreateIndex(migrationBuilder, "outgoing_messages", ["TenantId", "TemplateKey", "Failure"]);
    }
}
