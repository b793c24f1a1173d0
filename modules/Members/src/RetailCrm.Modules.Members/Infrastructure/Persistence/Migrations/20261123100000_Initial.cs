using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Members.Infrastructure.Persistence.Migrations;

[DbContext(typeof(MembersDbContext))]
[Migration("20261123100000_Initial")]
internal sealed class Initial : CrmMigration
{
    protected override string ModuleId => MembersDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("customers"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Code = t.Column<string>(maxLength: 40, nullable: false),
            Kind = t.Column<int>(nullable: false),
            Status = t.Column<int>(nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
            FamilyName = t.Column<string>(maxLength: 100, nullable: true),
            GivenName = t.Column<string>(maxLength: 100, nullable: true),
            NameKey = t.Column<string>(maxLength: 200, nullable: false),
            Gender = t.Column<string>(maxLength: 20, nullable: true),
            Birthday = t.Column<DateOnly>(nullable: true),
            IdentityNumber = t.Column<string>(maxLength: 40, nullable: true),
            Phone = t.Column<string>(maxLength: 20, nullable: true),
            Email = t.Column<string>(maxLength: 254, nullable: true),
            ParentId = t.Column<Guid>(nullable: true),
            Tier = t.Column<string>(maxLength: 40, nullable: true),
            LifecycleClass = t.Column<int>(nullable: false),
            MarketingConsent = t.Column<bool>(nullable: false),
            MarketingConsentAt = t.Column<DateTime>(nullable: true),
            OwnerUserId = t.Column<Guid>(nullable: true),
            UnitId = t.Column<Guid>(nullable: true),
            Currency = t.Column<string>(maxLength: 3, nullable: true),
            PaymentTerms = t.Column<string>(maxLength: 100, nullable: true),
            TaxClass = t.Column<string>(maxLength: 40, nullable: true),
            CreditLimit = t.Column<long>(nullable: true),
            BankAccount = t.Column<string>(maxLength: 100, nullable: true),
            Notes = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            MergedIntoId = t.Column<Guid>(nullable: true),
            FirstPurchaseAt = t.Column<DateTime>(nullable: true),
            LastPurchaseAt = t.Column<DateTime>(nullable: true),
            PurchaseCount = t.Column<int>(nullable: false),
            PurchaseTotal = t.Column<long>(nullable: false),
            Version = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("customers"), x => x.Id));
        CreateIndex(migrationBuilder, "customers", ["TenantId", "Code"], unique: true);
        CreateIndex(migrationBuilder, "customers", ["TenantId", "Phone"]);
        CreateIndex(migrationBuilder, "customers", ["TenantId", "Email"]);
        CreateIndex(migrationBuilder, "customers", ["TenantId", "IdentityNumber"]);
        CreateIndex(migrationBuilder, "customers", ["TenantId", "NameKey"]);
        CreateIndex(migrationBuilder, "customers", ["TenantId", "OwnerUserId"]);
        CreateIndex(migrationBuilder, "customers", ["TenantId", "UnitId"]);

        migrationBuilder.CreateTable(Table("customer_addresses"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            Region = t.Column<string>(maxLength: 2, nullable: false),
            Province = t.Column<string>(maxLength: 100, nullable: true),
            City = t.Column<string>(maxLength: 100, nullable: true),
            District = t.Column<string>(maxLength: 100, nullable: true),
            Street = t.Column<string>(maxLength: 300, nullable: false),
            Postcode = t.Column<string>(maxLength: 20, nullable: true),
            IsDefault = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("customer_addresses"), x => x.Id);
            ChildOfCustomer(t, "customer_addresses", x => x.CustomerId);
        });
        CreateIndex(migrationBuilder, "customer_addresses", ["CustomerId"]);

        migrationBuilder.CreateTable(Table("customer_contact_points"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            Value = t.Column<string>(maxLength: 254, nullable: false),
            Label = t.Column<string>(maxLength: 100, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("customer_contact_points"), x => x.Id);
            ChildOfCustomer(t, "customer_contact_points", x => x.CustomerId);
        });
        CreateIndex(migrationBuilder, "customer_contact_points", ["CustomerId"]);
        CreateIndex(migrationBuilder, "customer_contact_points", ["TenantId", "Kind", "Value"]);

        migrationBuilder.CreateTable(Table("customer_anniversaries"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: false),
            Label = t.Column<string>(maxLength: 100, nullable: false),
            Date = t.Column<DateOnly>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("customer_anniversaries"), x => x.Id);
            ChildOfCustomer(t, "customer_anniversaries", x => x.CustomerId);
        });
        CreateIndex(migrationBuilder, "customer_anniversaries", ["CustomerId"]);

        migrationBuilder.CreateTable(Table("customer_tags"), schema: Schema, columns: t => new
        {
            CustomerId = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Tag = t.Column<string>(maxLength: 60, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("customer_tags"), x => new { x.CustomerId, x.Tag });
            ChildOfCustomer(t, "customer_tags", x => x.CustomerId);
        });
        CreateIndex(migrationBuilder, "customer_tags", ["TenantId", "Tag"]);

        migrationBuilder.CreateTable(Table("custom_field_definitions"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Key = t.Column<string>(maxLength: 60, nullable: false),
            Label = t.Column<string>(maxLength: 100, nullable: false),
            LabelZh = t.Column<string>(maxLength: 100, nullable: true),
            Type = t.Column<int>(nullable: false),
            Choices = t.Column<string>(maxLength: 2000, nullable: true),
            Required = t.Column<bool>(nullable: false),
            Order = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("custom_field_definitions"), x => x.Id));
        CreateIndex(migrationBuilder, "custom_field_definitions", ["TenantId", "Key"], unique: true);

        migrationBuilder.CreateTable(Table("customer_field_values"), schema: Schema, columns: t => new
        {
            CustomerId = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            FieldKey = t.Column<string>(maxLength: 60, nullable: false),
            Value = t.Column<string>(maxLength: 1000, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("customer_field_values"), x => new { x.CustomerId, x.FieldKey });
            ChildOfCustomer(t, "customer_field_values", x => x.CustomerId);
        });
        CreateIndex(migrationBuilder, "customer_field_values", ["TenantId", "FieldKey", "Value"]);

        migrationBuilder.CreateTable(Table("code_sequences"), schema: Schema, columns: t => new
        {
            TenantId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 60, nullable: false),
            NextValue = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("code_sequences"), x => new { x.TenantId, x.Name }));

        migrationBuilder.CreateTable(Table("purchases"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: false),
            ReceiptId = t.Column<string>(maxLength: 100, nullable: false),
            StoreCode = t.Column<string>(maxLength: 50, nullable: true),
            PurchasedAt = t.Column<DateTime>(nullable: false),
            Amount = t.Column<long>(nullable: false),
            Currency = t.Column<string>(maxLength: 3, nullable: false),
            Tender = t.Column<string>(maxLength: 50, nullable: true),
            Source = t.Column<string>(maxLength: 50, nullable: false),
            RecordedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("purchases"), x => x.Id));
        CreateIndex(migrationBuilder, "purchases", ["TenantId", "ReceiptId"], unique: true);
        CreateIndex(migrationBuilder, "purchases", ["CustomerId", "PurchasedAt"]);

        migrationBuilder.CreateTable(Table("purchase_lines"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            PurchaseId = t.Column<Guid>(nullable: false),
            Sku = t.Column<string>(maxLength: 60, nullable: true),
            Description = t.Column<string>(maxLength: 300, nullable: false),
            Quantity = t.Column<decimal>(precision: 18, scale: 3, nullable: false),
            UnitPrice = t.Column<long>(nullable: false),
            Amount = t.Column<long>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_" + Table("purchase_lines"), x => x.Id);
            t.ForeignKey("FK_" + Table("purchase_lines") + "_purchases", x => x.PurchaseId, Table("purchases"), "Id", Schema, onDelete: ReferentialAction.Cascade);
        });
        CreateIndex(migrationBuilder, "purchase_lines", ["PurchaseId"]);

        migrationBuilder.CreateTable(Table("lifecycle_changes"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: false),
            From = t.Column<int>(nullable: false),
            To = t.Column<int>(nullable: false),
            Reason = t.Column<string>(maxLength: 300, nullable: false),
            ChangedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("lifecycle_changes"), x => x.Id));
        CreateIndex(migrationBuilder, "lifecycle_changes", ["CustomerId", "ChangedAt"]);

        migrationBuilder.CreateTable(Table("merge_records"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            SurvivorId = t.Column<Guid>(nullable: false),
            MergedIds = t.Column<string>(nullable: false),
            Snapshot = t.Column<string>(nullable: false),
            FieldChoices = t.Column<string>(nullable: false),
            MergedBy = t.Column<string>(maxLength: 200, nullable: false),
            MergedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("merge_records"), x => x.Id));
        CreateIndex(migrationBuilder, "merge_records", ["SurvivorId"]);

        migrationBuilder.CreateTable(Table("duplicate_candidates"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            FirstId = t.Column<Guid>(nullable: false),
            SecondId = t.Column<Guid>(nullable: false),
            Score = t.Column<int>(nullable: false),
            Reasons = t.Column<string>(maxLength: 500, nullable: false),
            Status = t.Column<int>(nullable: false),
            FoundAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("duplicate_candidates"), x => x.Id));
        CreateIndex(migrationBuilder, "duplicate_candidates", ["TenantId", "FirstId", "SecondId"], unique: true);
        CreateIndex(migrationBuilder, "duplicate_candidates", ["TenantId", "Status", "Score"]);

        migrationBuilder.CreateTable(Table("change_requests"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: false),
            Proposed = t.Column<string>(nullable: false),
            Summary = t.Column<string>(nullable: false),
            Status = t.Column<int>(nullable: false),
            RequestedBy = t.Column<string>(maxLength: 200, nullable: false),
            RequestedAt = t.Column<DateTime>(nullable: false),
            ReviewedBy = t.Column<string>(maxLength: 200, nullable: true),
            ReviewedAt = t.Column<DateTime>(nullable: true),
            DecidedBy = t.Column<string>(maxLength: 200, nullable: true),
            DecidedAt = t.Column<DateTime>(nullable: true),
            Comment = t.Column<string>(maxLength: 1000, nullable: true),
            BaseVersion = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("change_requests"), x => x.Id));
        CreateIndex(migrationBuilder, "change_requests", ["TenantId", "Status"]);
        CreateIndex(migrationBuilder, "change_requests", ["CustomerId"]);

        migrationBuilder.CreateTable(Table("import_batches"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Kind = t.Column<int>(nullable: false),
            FileName = t.Column<string>(maxLength: 260, nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            Mapping = t.Column<string>(nullable: false),
            Status = t.Column<int>(nullable: false),
            TotalRows = t.Column<int>(nullable: false),
            ErrorRows = t.Column<int>(nullable: false),
            DuplicateRows = t.Column<int>(nullable: false),
            ImportedRows = t.Column<int>(nullable: false),
            Report = t.Column<string>(nullable: false),
            CreatedBy = t.Column<string>(maxLength: 200, nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            CommittedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("import_batches"), x => x.Id));
        CreateIndex(migrationBuilder, "import_batches", ["TenantId", "CreatedAt"]);
    }

    private void ChildOfCustomer<TColumns>(Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.CreateTableBuilder<TColumns> table, string name, System.Linq.Expressions.Expression<Func<TColumns, object>> column) =>
        table.ForeignKey($"FK_{Table(name)}_customers", column, Table("customers"), "Id", Schema, onDelete: ReferentialAction.Cascade);
}
