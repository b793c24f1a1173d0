using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Migrations;

/// <summary>Card stock: suppliers, purchase orders and receipts of blanks, blank stock, production runs, store requests and shipments, stock-takes, card moves.</summary>
[DbContext(typeof(CardsDbContext))]
[Migration("20261126100000_Stock")]
internal sealed class Stock : CrmMigration
{
    protected override string ModuleId => CardsDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("stock_suppliers"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Contact = t.Column<string>(maxLength: 100, nullable: true),
            Phone = t.Column<string>(maxLength: 50, nullable: true),
            Email = t.Column<string>(maxLength: 200, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("stock_suppliers"), x => x.Id));
        CreateIndex(migrationBuilder, "stock_suppliers", ["TenantId", "Name"]);

        migrationBuilder.CreateTable(Table("stock_purchase_orders"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            SupplierId = t.Column<Guid>(nullable: false),
            ProductId = t.Column<Guid>(nullable: false),
            Quantity = t.Column<int>(nullable: false),
            UnitPrice = t.Column<long>(nullable: false),
            Currency = t.Column<string>(maxLength: 3, nullable: false),
            ExpectedDate = t.Column<DateOnly>(nullable: true),
            Status = t.Column<int>(nullable: false),
            ReceivedQuantity = t.Column<int>(nullable: false),
            Note = t.Column<string>(maxLength: 500, nullable: true),
            CreatedBy = t.Column<string>(maxLength: 200, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<long>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("stock_purchase_orders"), x => x.Id);
            t.ForeignKey("FK_" + Table("stock_purchase_orders") + "_suppliers", x => x.SupplierId, Table("stock_suppliers"), "Id", Schema, onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_" + Table("stock_purchase_orders") + "_products", x => x.ProductId, Table("products"), "Id", Schema, onDelete: ReferentialAction.Restrict);
        });
        CreateIndex(migrationBuilder, "stock_purchase_orders", ["TenantId", "Status"]);
        CreateIndex(migrationBuilder, "stock_purchase_orders", ["SupplierId"]);
        CreateIndex(migrationBuilder, "stock_purchase_orders", ["ProductId"]);

        migrationBuilder.CreateTable(Table("stock_receipts"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            PurchaseOrderId = t.Column<Guid>(nullable: false),
            ProductId = t.Column<Guid>(nullable: false),
            BatchReference = t.Column<string>(maxLength: 100, nullable: false),
            Quantity = t.Column<int>(nullable: false),
            LocationCode = t.Column<string>(maxLength: 50, nullable: false),
            UserName = t.Column<string>(maxLength: 200, nullable: true),
            ReceivedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("stock_receipts"), x => x.Id);
            t.ForeignKey("FK_" + Table("stock_receipts") + "_purchase_orders", x => x.PurchaseOrderId, Table("stock_purchase_orders"), "Id", Schema, onDelete: ReferentialAction.Restrict);
        });
        CreateIndex(migrationBuilder, "stock_receipts", ["PurchaseOrderId"]);
        CreateIndex(migrationBuilder, "stock_receipts", ["TenantId", "ReceivedAt"]);

        migrationBuilder.CreateTable(Table("stock_blanks"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            LocationCode = t.Column<string>(maxLength: 50, nullable: false),
            ProductId = t.Column<Guid>(nullable: false),
            Quantity = t.Column<int>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("stock_blanks"), x => x.Id);
            t.ForeignKey("FK_" + Table("stock_blanks") + "_products", x => x.ProductId, Table("products"), "Id", Schema, onDelete: ReferentialAction.Restrict);
            t.CheckConstraint("CK_" + Table("stock_blanks") + "_quantity", "\"Quantity\" >= 0");
        });
        CreateIndex(migrationBuilder, "stock_blanks", ["TenantId", "LocationCode", "ProductId"], unique: true);
        CreateIndex(migrationBuilder, "stock_blanks", ["ProductId"]);

        migrationBuilder.CreateTable(Table("stock_production_orders"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            ProductId = t.Column<Guid>(nullable: false),
            LocationCode = t.Column<string>(maxLength: 50, nullable: false),
            UsesBlanks = t.Column<bool>(nullable: false),
            Quantity = t.Column<int>(nullable: false),
            FirstSerial = t.Column<long>(nullable: false),
            FirstNumber = t.Column<string>(maxLength: 32, nullable: false),
            LastNumber = t.Column<string>(maxLength: 32, nullable: false),
            ProducedCount = t.Column<int>(nullable: false),
            PutAwayCount = t.Column<int>(nullable: false),
            SpoiledCount = t.Column<int>(nullable: false),
            UserName = t.Column<string>(maxLength: 200, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<long>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("stock_production_orders"), x => x.Id);
            t.ForeignKey("FK_" + Table("stock_production_orders") + "_products", x => x.ProductId, Table("products"), "Id", Schema, onDelete: ReferentialAction.Restrict);
        });
        CreateIndex(migrationBuilder, "stock_production_orders", ["TenantId", "ProductId", "CreatedAt"]);
        CreateIndex(migrationBuilder, "stock_production_orders", ["ProductId"]);

        migrationBuilder.CreateTable(Table("stock_store_requests"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            StoreCode = t.Column<string>(maxLength: 50, nullable: false),
            ProductId = t.Column<Guid>(nullable: false),
            Status = t.Column<int>(nullable: false),
            RequestedQuantity = t.Column<int>(nullable: false),
            ApprovedQuantity = t.Column<int>(nullable: true),
            ShippedQuantity = t.Column<int>(nullable: false),
            ReceivedQuantity = t.Column<int>(nullable: false),
            Note = t.Column<string>(maxLength: 500, nullable: true),
            RejectionReason = t.Column<string>(maxLength: 500, nullable: true),
            FromLocationCode = t.Column<string>(maxLength: 50, nullable: true),
            RequestedBy = t.Column<string>(maxLength: 200, nullable: true),
            DecidedBy = t.Column<string>(maxLength: 200, nullable: true),
            ShippedBy = t.Column<string>(maxLength: 200, nullable: true),
            ReceivedBy = t.Column<string>(maxLength: 200, nullable: true),
            RequestedAt = t.Column<DateTime>(nullable: false),
            DecidedAt = t.Column<DateTime>(nullable: true),
            ShippedAt = t.Column<DateTime>(nullable: true),
            ReceivedAt = t.Column<DateTime>(nullable: true),
            Version = t.Column<long>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("stock_store_requests"), x => x.Id);
            t.ForeignKey("FK_" + Table("stock_store_requests") + "_products", x => x.ProductId, Table("products"), "Id", Schema, onDelete: ReferentialAction.Restrict);
        });
        CreateIndex(migrationBuilder, "stock_store_requests", ["TenantId", "StoreCode", "Status"]);
        CreateIndex(migrationBuilder, "stock_store_requests", ["ProductId"]);

        migrationBuilder.CreateTable(Table("stock_shipment_cards"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            StoreRequestId = t.Column<Guid>(nullable: false),
            CardId = t.Column<Guid>(nullable: false),
            Number = t.Column<string>(maxLength: 32, nullable: false),
            Received = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("stock_shipment_cards"), x => x.Id);
            t.ForeignKey("FK_" + Table("stock_shipment_cards") + "_store_requests", x => x.StoreRequestId, Table("stock_store_requests"), "Id", Schema, onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_" + Table("stock_shipment_cards") + "_cards", x => x.CardId, Table("cards"), "Id", Schema, onDelete: ReferentialAction.Restrict);
        });
        CreateIndex(migrationBuilder, "stock_shipment_cards", ["StoreRequestId"]);
        CreateIndex(migrationBuilder, "stock_shipment_cards", ["CardId"]);

        migrationBuilder.CreateTable(Table("stock_takes"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            LocationCode = t.Column<string>(maxLength: 50, nullable: false),
            Status = t.Column<int>(nullable: false),
            ExpectedCards = t.Column<int>(nullable: false),
            CountedCards = t.Column<int>(nullable: false),
            MissingCards = t.Column<int>(nullable: false),
            UnexpectedCards = t.Column<int>(nullable: false),
            OpenedBy = t.Column<string>(maxLength: 200, nullable: true),
            OpenedAt = t.Column<DateTime>(nullable: false),
            CountedAt = t.Column<DateTime>(nullable: true),
            ClosedAt = t.Column<DateTime>(nullable: true),
            WriteOffReason = t.Column<string>(maxLength: 500, nullable: true),
            WrittenOffAt = t.Column<DateTime>(nullable: true),
            Version = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("stock_takes"), x => x.Id));
        CreateIndex(migrationBuilder, "stock_takes", ["TenantId", "LocationCode", "OpenedAt"]);

        migrationBuilder.CreateTable(Table("stock_take_cards"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            StockTakeId = t.Column<Guid>(nullable: false),
            Number = t.Column<string>(maxLength: 32, nullable: false),
            CardId = t.Column<Guid>(nullable: true),
            ProductId = t.Column<Guid>(nullable: true),
            Expected = t.Column<bool>(nullable: false),
            Counted = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("stock_take_cards"), x => x.Id);
            t.ForeignKey("FK_" + Table("stock_take_cards") + "_takes", x => x.StockTakeId, Table("stock_takes"), "Id", Schema, onDelete: ReferentialAction.Restrict);
        });
        CreateIndex(migrationBuilder, "stock_take_cards", ["StockTakeId", "Number"], unique: true);

        migrationBuilder.CreateTable(Table("stock_take_blanks"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            StockTakeId = t.Column<Guid>(nullable: false),
            ProductId = t.Column<Guid>(nullable: false),
            Expected = t.Column<int>(nullable: false),
            Counted = t.Column<int>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("stock_take_blanks"), x => x.Id);
            t.ForeignKey("FK_" + Table("stock_take_blanks") + "_takes", x => x.StockTakeId, Table("stock_takes"), "Id", Schema, onDelete: ReferentialAction.Restrict);
        });
        CreateIndex(migrationBuilder, "stock_take_blanks", ["StockTakeId", "ProductId"], unique: true);

        migrationBuilder.CreateTable(Table("stock_card_moves"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CardId = t.Column<Guid>(nullable: false),
            FromStatus = t.Column<int>(nullable: true),
            ToStatus = t.Column<int>(nullable: false),
            FromLocationCode = t.Column<string>(maxLength: 50, nullable: true),
            ToLocationCode = t.Column<string>(maxLength: 50, nullable: true),
            Reference = t.Column<string>(maxLength: 100, nullable: false),
            Reason = t.Column<string>(maxLength: 500, nullable: true),
            UserName = t.Column<string>(maxLength: 200, nullable: true),
            OccurredAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("stock_card_moves"), x => x.Id);
            t.ForeignKey("FK_" + Table("stock_card_moves") + "_cards", x => x.CardId, Table("cards"), "Id", Schema, onDelete: ReferentialAction.Restrict);
        });
        CreateIndex(migrationBuilder, "stock_card_moves", ["CardId", "OccurredAt"]);
        CreateIndex(migrationBuilder, "stock_card_moves", ["TenantId", "Reference"]);
    }
}
