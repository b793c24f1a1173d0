using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Migrations;

/// <summary>Where a card in stock is (location by organization unit code), and fees and deposits taken at the counter.</summary>
[DbContext(typeof(CardsDbContext))]
[Migration("20261126090000_LocationsAndCharges")]
internal sealed class LocationsAndCharges : CrmMigration
{
    protected override string ModuleId => CardsDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("LocationCode", Table("cards"), schema: Schema, maxLength: 50, nullable: true);
        CreateIndex(migrationBuilder, "cards", ["TenantId", "LocationCode", "ProductId", "Status"]);

        migrationBuilder.CreateTable(Table("charges"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CardId = t.Column<Guid>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            Amount = t.Column<long>(nullable: false),
            Currency = t.Column<string>(maxLength: 3, nullable: false),
            StoreCode = t.Column<string>(maxLength: 50, nullable: true),
            ReceiptId = t.Column<string>(maxLength: 100, nullable: true),
            Reference = t.Column<string>(maxLength: 200, nullable: true),
            UserName = t.Column<string>(maxLength: 200, nullable: true),
            OccurredAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("charges"), x => x.Id);
            t.ForeignKey("FK_" + Table("charges") + "_cards", x => x.CardId, Table("cards"), "Id", Schema, onDelete: ReferentialAction.Restrict);
        });
        CreateIndex(migrationBuilder, "charges", ["TenantId", "StoreCode", "OccurredAt"]);
        CreateIndex(migrationBuilder, "charges", ["CardId"]);
    }
}
