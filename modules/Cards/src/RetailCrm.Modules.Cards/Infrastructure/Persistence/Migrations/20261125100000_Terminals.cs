using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Migrations;

/// <summary>Till terminals (secret encrypted with Data Protection) and the nonces they have used.</summary>
[DbContext(typeof(CardsDbContext))]
[Migration("20261125100000_Terminals")]
internal sealed class Terminals : CrmMigration
{
    protected override string ModuleId => CardsDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("terminals"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            StoreCode = t.Column<string>(maxLength: 50, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            ProtectedSecret = t.Column<string>(maxLength: 1000, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            RevokedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("terminals"), x => x.Id));
        CreateIndex(migrationBuilder, "terminals", ["TenantId", "StoreCode"]);

        migrationBuilder.CreateTable(Table("terminal_nonces"), schema: Schema, columns: t => new
        {
            TerminalId = t.Column<Guid>(nullable: false),
            Nonce = t.Column<string>(maxLength: 100, nullable: false),
            UsedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("terminal_nonces"), x => new { x.TerminalId, x.Nonce }));
        CreateIndex(migrationBuilder, "terminal_nonces", ["UsedAt"]);
    }
}
