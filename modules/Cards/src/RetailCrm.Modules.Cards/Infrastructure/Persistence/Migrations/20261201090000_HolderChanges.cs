using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Migrations;

/// <summary>The history of a card's holders (a merge of customers moves cards to the survivor), one entry per card and cause.</summary>
[DbContext(typeof(CardsDbContext))]
[Migration("20261201090000_HolderChanges")]
internal sealed class HolderChanges : CrmMigration
{
    protected override string ModuleId => CardsDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("holder_changes"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CardId = t.Column<Guid>(nullable: false),
            FromCustomerId = t.Column<Guid>(nullable: true),
            FromCode = t.Column<string>(maxLength: 40, nullable: true),
            ToCustomerId = t.Column<Guid>(nullable: false),
            ToCode = t.Column<string>(maxLength: 40, nullable: false),
            Reason = t.Column<string>(maxLength: 50, nullable: false),
            Reference = t.Column<string>(maxLength: 100, nullable: false),
            UserName = t.Column<string>(maxLength: 200, nullable: true),
            OccurredAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("holder_changes"), x => x.Id);
            t.ForeignKey("FK_" + Table("holder_changes") + "_cards", x => x.CardId, Table("cards"), "Id", Schema, onDelete: ReferentialAction.Restrict);
        });
        CreateIndex(migrationBuilder, "holder_changes", ["TenantId", "CardId", "Reference"], unique: true);
        CreateIndex(migrationBuilder, "holder_changes", ["CardId", "OccurredAt"]);
    }
}
