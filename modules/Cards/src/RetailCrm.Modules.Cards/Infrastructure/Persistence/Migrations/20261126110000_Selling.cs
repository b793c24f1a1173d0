using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Migrations;

/// <summary>
/// Selling: receipt ids unique per card for payments and top-ups (partial unique index), the products' exchange fee,
/// HQ bulk sales with their cards, and the card exchange history.
/// </summary>
[DbContext(typeof(CardsDbContext))]
[Migration("20261126110000_Selling")]
internal sealed class Selling : CrmMigration
{
    protected override string ModuleId => CardsDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Both providers quote identifiers with double quotes, as EF does, so one filter serves SQLite and PostgreSQL.
        string[] receiptColumns = ["TenantId", "CardId", "Kind", "ReceiptId"];
        migrationBuilder.CreateIndex($"IX_{Table("ledger_entries")}_{string.Join("_", receiptColumns)}", Table("ledger_entries"), receiptColumns, Schema,
            unique: true, filter: LedgerReceiptConfiguration.ReceiptFilter);

        migrationBuilder.AddColumn<long>("ExchangeFee", Table("products"), schema: Schema, nullable: false, defaultValue: 0L);

        migrationBuilder.CreateTable(Table("bulk_sales"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            InvoiceNumber = t.Column<string>(maxLength: 100, nullable: false),
            CustomerId = t.Column<Guid>(nullable: false),
            CustomerCode = t.Column<string>(maxLength: 40, nullable: false),
            CustomerName = t.Column<string>(maxLength: 200, nullable: false),
            ProductId = t.Column<Guid>(nullable: false),
            Quantity = t.Column<int>(nullable: false),
            ValuePerCard = t.Column<long>(nullable: false),
            TotalValue = t.Column<long>(nullable: false),
            TotalCharges = t.Column<long>(nullable: false),
            Currency = t.Column<string>(maxLength: 3, nullable: false),
            StoreCode = t.Column<string>(maxLength: 50, nullable: false),
            Note = t.Column<string>(maxLength: 500, nullable: true),
            UserName = t.Column<string>(maxLength: 200, nullable: true),
            SoldAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("bulk_sales"), x => x.Id);
            t.ForeignKey("FK_" + Table("bulk_sales") + "_products", x => x.ProductId, Table("products"), "Id", Schema, onDelete: ReferentialAction.Restrict);
        });
        CreateIndex(migrationBuilder, "bulk_sales", ["TenantId", "InvoiceNumber"], unique: true);
        CreateIndex(migrationBuilder, "bulk_sales", ["TenantId", "CustomerId"]);

        migrationBuilder.CreateTable(Table("bulk_sale_cards"), schema: Schema, columns: t => new
        {
            BulkSaleId = t.Column<Guid>(nullable: false),
            CardId = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Number = t.Column<string>(maxLength: 32, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("bulk_sale_cards"), x => new { x.BulkSaleId, x.CardId });
            t.ForeignKey("FK_" + Table("bulk_sale_cards") + "_bulk_sales", x => x.BulkSaleId, Table("bulk_sales"), "Id", Schema, onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_" + Table("bulk_sale_cards") + "_cards", x => x.CardId, Table("cards"), "Id", Schema, onDelete: ReferentialAction.Restrict);
        });
        CreateIndex(migrationBuilder, "bulk_sale_cards", ["CardId"], unique: true);

        migrationBuilder.CreateTable(Table("exchanges"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            OldCardId = t.Column<Guid>(nullable: false),
            OldNumber = t.Column<string>(maxLength: 32, nullable: false),
            NewCardId = t.Column<Guid>(nullable: false),
            NewNumber = t.Column<string>(maxLength: 32, nullable: false),
            OldStatus = t.Column<int>(nullable: false),
            LocationCode = t.Column<string>(maxLength: 50, nullable: false),
            Balance = t.Column<long>(nullable: false),
            Points = t.Column<long>(nullable: false),
            Fee = t.Column<long>(nullable: false),
            ReceiptId = t.Column<string>(maxLength: 100, nullable: true),
            Reason = t.Column<string>(maxLength: 200, nullable: true),
            UserName = t.Column<string>(maxLength: 200, nullable: true),
            ExchangedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("exchanges"), x => x.Id);
            t.ForeignKey("FK_" + Table("exchanges") + "_old_cards", x => x.OldCardId, Table("cards"), "Id", Schema, onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_" + Table("exchanges") + "_new_cards", x => x.NewCardId, Table("cards"), "Id", Schema, onDelete: ReferentialAction.Restrict);
        });
        CreateIndex(migrationBuilder, "exchanges", ["OldCardId"], unique: true);
        CreateIndex(migrationBuilder, "exchanges", ["NewCardId"]);
        CreateIndex(migrationBuilder, "exchanges", ["TenantId", "ExchangedAt"]);
    }
}
