using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Migrations;

[DbContext(typeof(CardsDbContext))]
[Migration("20261124100000_Initial")]
internal sealed class Initial : CrmMigration
{
    protected override string ModuleId => CardsDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("products"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Code = t.Column<string>(maxLength: 40, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Kind = t.Column<int>(nullable: false),
            Currency = t.Column<string>(maxLength: 3, nullable: false),
            NumberPrefix = t.Column<string>(maxLength: 18, nullable: false),
            NumberLength = t.Column<int>(nullable: false),
            NextSerial = t.Column<long>(nullable: false),
            FaceDesign = t.Column<string>(maxLength: 300, nullable: true),
            ValidityMonths = t.Column<int>(nullable: false),
            Fee = t.Column<long>(nullable: false),
            Deposit = t.Column<long>(nullable: false),
            DiscountPercent = t.Column<int>(nullable: false),
            PointsPerUnit = t.Column<int>(nullable: false),
            PointsUnitAmount = t.Column<long>(nullable: false),
            PointsRounding = t.Column<int>(nullable: false),
            MinTopUp = t.Column<long>(nullable: false),
            MaxTopUp = t.Column<long>(nullable: false),
            MaxBalance = t.Column<long>(nullable: false),
            PinRequired = t.Column<bool>(nullable: false),
            PinMaxAttempts = t.Column<int>(nullable: false),
            IsActive = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("products"), x => x.Id));
        CreateIndex(migrationBuilder, "products", ["TenantId", "Code"], unique: true);

        migrationBuilder.CreateTable(Table("cards"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Number = t.Column<string>(maxLength: 32, nullable: false),
            ProductId = t.Column<Guid>(nullable: false),
            Status = t.Column<int>(nullable: false),
            HolderCustomerId = t.Column<Guid>(nullable: true),
            HolderCode = t.Column<string>(maxLength: 40, nullable: true),
            Balance = t.Column<long>(nullable: false),
            Points = t.Column<long>(nullable: false),
            Currency = t.Column<string>(maxLength: 3, nullable: false),
            PinHash = t.Column<string>(maxLength: 100, nullable: true),
            FailedPinAttempts = t.Column<int>(nullable: false),
            StoreCode = t.Column<string>(maxLength: 50, nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ActivatedAt = t.Column<DateTime>(nullable: true),
            ExpiresAt = t.Column<DateTime>(nullable: true),
            StatusChangedAt = t.Column<DateTime>(nullable: true),
            Version = t.Column<long>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("cards"), x => x.Id);
            t.ForeignKey("FK_" + Table("cards") + "_products", x => x.ProductId, Table("products"), "Id", Schema, onDelete: ReferentialAction.Restrict);
        });
        CreateIndex(migrationBuilder, "cards", ["TenantId", "Number"], unique: true);
        CreateIndex(migrationBuilder, "cards", ["TenantId", "HolderCustomerId"]);
        CreateIndex(migrationBuilder, "cards", ["TenantId", "ProductId", "Status"]);

        migrationBuilder.CreateTable(Table("ledger_entries"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CardId = t.Column<Guid>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            Amount = t.Column<long>(nullable: false),
            Points = t.Column<long>(nullable: false),
            BalanceAfter = t.Column<long>(nullable: false),
            PointsAfter = t.Column<long>(nullable: false),
            OriginalEntryId = t.Column<Guid>(nullable: true),
            Reference = t.Column<string>(maxLength: 200, nullable: true),
            ReceiptId = t.Column<string>(maxLength: 100, nullable: true),
            StoreCode = t.Column<string>(maxLength: 50, nullable: true),
            UserName = t.Column<string>(maxLength: 200, nullable: true),
            OccurredAt = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("ledger_entries"), x => x.Id);
            t.ForeignKey("FK_" + Table("ledger_entries") + "_cards", x => x.CardId, Table("cards"), "Id", Schema, onDelete: ReferentialAction.Restrict);
        });
        CreateIndex(migrationBuilder, "ledger_entries", ["CardId", "OccurredAt"]);
        CreateIndex(migrationBuilder, "ledger_entries", ["OriginalEntryId"]);
        CreateIndex(migrationBuilder, "ledger_entries", ["TenantId", "Reference"]);
    }
}
