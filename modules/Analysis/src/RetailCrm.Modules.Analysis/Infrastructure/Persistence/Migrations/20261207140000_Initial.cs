using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Analysis.Infrastructure.Persistence.Migrations;

/// <summary>
/// The analysis module's facts (copies of other modules' purchases, cards, tickets and deals), its results (customer
/// scores, migration cells, the Pareto curve, consumption cells), the tenant's configuration and the recompute runs.
/// </summary>
[DbContext(typeof(AnalysisDbContext))]
[Migration("20261207140000_Initial")]
internal sealed class Initial : CrmMigration
{
    protected override string ModuleId => AnalysisDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        Facts(migrationBuilder);
        Results(migrationBuilder);
        Runs(migrationBuilder);
    }

    private void Facts(MigrationBuilder m)
    {
        m.CreateTable(Table("purchase_facts"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: false),
            StoreCode = t.Column<string>(maxLength: 40, nullable: true),
            ReceiptId = t.Column<string>(maxLength: 80, nullable: true),
            PurchasedAt = t.Column<DateTime>(nullable: false),
            Amount = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("purchase_facts"), x => x.Id));
        CreateIndex(m, "purchase_facts", ["TenantId", "CustomerId"]);

        m.CreateTable(Table("card_facts"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            MaskedNumber = t.Column<string>(maxLength: 40, nullable: false),
            ProductCode = t.Column<string>(maxLength: 40, nullable: false),
            CustomerId = t.Column<Guid>(nullable: true),
            StoreCode = t.Column<string>(maxLength: 40, nullable: true),
            SoldAt = t.Column<DateTime>(nullable: true),
            SoldValue = t.Column<long>(nullable: false),
            Balance = t.Column<long>(nullable: false),
            IsClosed = t.Column<bool>(nullable: false),
            LastActivityAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("card_facts"), x => x.Id));
        CreateIndex(m, "card_facts", ["TenantId", "CustomerId"]);

        m.CreateTable(Table("card_entry_facts"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CardId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Amount = t.Column<long>(nullable: false),
            StoreCode = t.Column<string>(maxLength: 40, nullable: true),
            ReceiptId = t.Column<string>(maxLength: 80, nullable: true),
            OccurredAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("card_entry_facts"), x => x.Id));
        CreateIndex(m, "card_entry_facts", ["TenantId", "CardId"]);
        CreateIndex(m, "card_entry_facts", ["TenantId", "ReceiptId"]);

        m.CreateTable(Table("ticket_facts"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: true),
            TypeKey = t.Column<string>(maxLength: 40, nullable: false),
            IsComplaint = t.Column<bool>(nullable: false),
            OpenedAt = t.Column<DateTime>(nullable: false),
            ResolvedAt = t.Column<DateTime>(nullable: true),
            CsatScore = t.Column<int>(nullable: true),
            CsatAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("ticket_facts"), x => x.Id));
        CreateIndex(m, "ticket_facts", ["TenantId", "CustomerId"]);

        m.CreateTable(Table("deal_facts"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: false),
            OwnerUserId = t.Column<Guid>(nullable: false),
            Status = t.Column<string>(maxLength: 10, nullable: false),
            Amount = t.Column<long>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ClosedAt = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("deal_facts"), x => x.Id));
        CreateIndex(m, "deal_facts", ["TenantId", "CustomerId"]);
    }

    private void Results(MigrationBuilder m)
    {
        m.CreateTable(Table("customer_scores"), schema: Schema, columns: t => new
        {
            TenantId = t.Column<Guid>(nullable: false),
            CustomerId = t.Column<Guid>(nullable: false),
            Code = t.Column<string>(maxLength: 40, nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
            Phone = t.Column<string>(maxLength: 40, nullable: true),
            Email = t.Column<string>(maxLength: 200, nullable: true),
            Tier = t.Column<string>(maxLength: 60, nullable: true),
            LifecycleClass = t.Column<string>(maxLength: 20, nullable: false),
            OwnerUserId = t.Column<Guid>(nullable: true),
            UnitId = t.Column<Guid>(nullable: true),
            MarketingConsent = t.Column<bool>(nullable: false),
            LastPurchaseAt = t.Column<DateTime>(nullable: true),
            Frequency = t.Column<int>(nullable: false),
            Monetary = t.Column<long>(nullable: false),
            PreviousMonetary = t.Column<long>(nullable: false),
            R = t.Column<int>(nullable: true),
            F = t.Column<int>(nullable: true),
            M = t.Column<int>(nullable: true),
            Fm = t.Column<int>(nullable: true),
            Score = t.Column<decimal>(precision: 6, scale: 3, nullable: true),
            Segment = t.Column<string>(maxLength: 20, nullable: true),
            PreviousSegment = t.Column<string>(maxLength: 20, nullable: true),
            ProblemScore = t.Column<int>(nullable: false),
            ProblemReasons = t.Column<string>(maxLength: 100, nullable: false),
            Complaints = t.Column<int>(nullable: false),
            LowCsat = t.Column<int>(nullable: false),
            Returns = t.Column<int>(nullable: false),
            RevenueRank = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("customer_scores"), x => new { x.TenantId, x.CustomerId }));
        CreateIndex(m, "customer_scores", ["TenantId", "Segment", "Monetary"]);
        CreateIndex(m, "customer_scores", ["TenantId", "ProblemScore"]);
        CreateIndex(m, "customer_scores", ["TenantId", "LastPurchaseAt"]);
        CreateIndex(m, "customer_scores", ["TenantId", "UnitId"]);
        CreateIndex(m, "customer_scores", ["TenantId", "OwnerUserId"]);

        m.CreateTable(Table("segment_cells"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            UnitId = t.Column<Guid>(nullable: true),
            From = t.Column<string>(maxLength: 20, nullable: true),
            To = t.Column<string>(maxLength: 20, nullable: true),
            Customers = t.Column<int>(nullable: false),
            Revenue = t.Column<long>(nullable: false),
            PreviousRevenue = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("segment_cells"), x => x.Id));
        CreateIndex(m, "segment_cells", ["TenantId", "UnitId"]);

        m.CreateTable(Table("pareto_points"), schema: Schema, columns: t => new
        {
            TenantId = t.Column<Guid>(nullable: false),
            Percent = t.Column<int>(nullable: false),
            RevenueShare = t.Column<decimal>(precision: 7, scale: 3, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("pareto_points"), x => new { x.TenantId, x.Percent }));

        m.CreateTable(Table("consumption_cells"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Dimension = t.Column<string>(maxLength: 20, nullable: false),
            Key = t.Column<string>(maxLength: 60, nullable: false),
            Month = t.Column<DateOnly>(nullable: false),
            UnitId = t.Column<Guid>(nullable: true),
            Purchases = t.Column<int>(nullable: false),
            Customers = t.Column<int>(nullable: false),
            Revenue = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("consumption_cells"), x => x.Id));
        CreateIndex(m, "consumption_cells", ["TenantId", "Dimension", "Month"]);
    }

    private void Runs(MigrationBuilder m)
    {
        m.CreateTable(Table("configurations"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            WindowDays = t.Column<int>(nullable: false),
            WindowStart = t.Column<DateOnly>(nullable: true),
            WindowEnd = t.Column<DateOnly>(nullable: true),
            RecencyWeight = t.Column<decimal>(precision: 9, scale: 3, nullable: false),
            FrequencyWeight = t.Column<decimal>(precision: 9, scale: 3, nullable: false),
            MonetaryWeight = t.Column<decimal>(precision: 9, scale: 3, nullable: false),
            DormantDays = t.Column<int>(nullable: false),
            ProblemThreshold = t.Column<int>(nullable: false),
            TopPercent = t.Column<int>(nullable: false),
            SegmentMapJson = t.Column<string>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("configurations"), x => x.Id));
        CreateIndex(m, "configurations", ["TenantId"], unique: true);

        m.CreateTable(Table("recompute_runs"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Status = t.Column<string>(maxLength: 10, nullable: false),
            Phase = t.Column<string>(maxLength: 20, nullable: false),
            Progress = t.Column<int>(nullable: false),
            Rebuild = t.Column<bool>(nullable: false),
            Trigger = t.Column<string>(maxLength: 10, nullable: false),
            RequestedByUserId = t.Column<Guid>(nullable: true),
            StartedAt = t.Column<DateTime>(nullable: false),
            FinishedAt = t.Column<DateTime>(nullable: true),
            WindowStart = t.Column<DateTime>(nullable: false),
            WindowEnd = t.Column<DateTime>(nullable: false),
            Customers = t.Column<int>(nullable: false),
            Purchases = t.Column<long>(nullable: false),
            Error = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("recompute_runs"), x => x.Id));
        CreateIndex(m, "recompute_runs", ["TenantId", "StartedAt"]);

        m.CreateTable(Table("states"), schema: Schema, columns: t => new
        {
            TenantId = t.Column<Guid>(nullable: false),
            CurrentRunId = t.Column<Guid>(nullable: true),
            RebuiltAt = t.Column<DateTime>(nullable: true),
            LeaseRunId = t.Column<Guid>(nullable: true),
            LeaseUntil = t.Column<DateTime>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("states"), x => x.TenantId));
    }
}
