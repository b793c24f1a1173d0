using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Sales.Infrastructure.Persistence.Migrations;

/// <summary>
/// Pipelines and their stages, deals with their lines, journal, files, gated moves and history, and the catalogue.
/// Written by hand once for SQLite and PostgreSQL: names through <see cref="CrmMigration.Table"/> and
/// <see cref="CrmMigration.Schema"/>, column types left to the provider. A shipped migration never changes.
/// </summary>
[DbContext(typeof(SalesDbContext))]
[Migration("20261207061000_Initial")]
internal sealed class Initial : CrmMigration
{
    protected override string ModuleId => SalesDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("pipelines"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            NameZh = t.Column<string>(maxLength: 100, nullable: true),
            Position = t.Column<int>(nullable: false),
            IsDefault = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("pipelines"), x => x.Id));
        CreateIndex(migrationBuilder, "pipelines", ["TenantId", "Position"]);

        migrationBuilder.CreateTable(Table("stages"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            PipelineId = t.Column<Guid>(nullable: false),
            Key = t.Column<string>(maxLength: 40, nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
            NameZh = t.Column<string>(maxLength: 100, nullable: true),
            Position = t.Column<int>(nullable: false),
            Probability = t.Column<int>(nullable: false),
            RottingDays = t.Column<int>(nullable: true),
            RequiresApproval = t.Column<bool>(nullable: false),
            ExitCriteriaJson = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("stages"), x => x.Id));
        CreateIndex(migrationBuilder, "stages", ["TenantId", "PipelineId", "Key"], unique: true);

        migrationBuilder.CreateTable(Table("opportunities"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            CustomerId = t.Column<Guid>(nullable: false),
            CustomerName = t.Column<string>(maxLength: 200, nullable: false),
            OwnerUserId = t.Column<Guid>(nullable: false),
            UnitId = t.Column<Guid>(nullable: true),
            PipelineId = t.Column<Guid>(nullable: false),
            StageId = t.Column<Guid>(nullable: false),
            StageEnteredAt = t.Column<DateTime>(nullable: false),
            Status = t.Column<string>(maxLength: 10, nullable: false),
            ExpectedCloseDate = t.Column<DateOnly>(nullable: true),
            Source = t.Column<string>(maxLength: 200, nullable: true),
            Competitors = t.Column<string>(maxLength: 200, nullable: true),
            Needs = t.Column<string>(maxLength: 4000, nullable: true),
            Solution = t.Column<string>(maxLength: 4000, nullable: true),
            Currency = t.Column<string>(maxLength: 3, nullable: false),
            Amount = t.Column<long>(nullable: false),
            LineCount = t.Column<int>(nullable: false),
            CloseReason = t.Column<string>(maxLength: 200, nullable: true),
            ClosedAt = t.Column<DateTime>(nullable: true),
            PendingMoveId = t.Column<Guid>(nullable: true),
            LastActivityAt = t.Column<DateTime>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("opportunities"), x => x.Id));
        CreateIndex(migrationBuilder, "opportunities", ["TenantId", "PipelineId", "Status", "StageId", "UpdatedAt"]);
        CreateIndex(migrationBuilder, "opportunities", ["TenantId", "OwnerUserId", "Status"]);
        CreateIndex(migrationBuilder, "opportunities", ["TenantId", "CustomerId"]);

        migrationBuilder.CreateTable(Table("opportunity_lines"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            OpportunityId = t.Column<Guid>(nullable: false),
            Position = t.Column<int>(nullable: false),
            ProductId = t.Column<Guid>(nullable: true),
            Description = t.Column<string>(maxLength: 200, nullable: false),
            Quantity = t.Column<decimal>(precision: 12, scale: 3, nullable: false),
            UnitPrice = t.Column<long>(nullable: false),
            DiscountPercent = t.Column<decimal>(precision: 5, scale: 2, nullable: false),
            Amount = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("opportunity_lines"), x => x.Id));
        CreateIndex(migrationBuilder, "opportunity_lines", ["TenantId", "OpportunityId", "Position"]);

        migrationBuilder.CreateTable(Table("activities"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            OpportunityId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 10, nullable: false),
            At = t.Column<DateTime>(nullable: false),
            Subject = t.Column<string>(maxLength: 200, nullable: false),
            Outcome = t.Column<string>(maxLength: 2000, nullable: true),
            NextStep = t.Column<string>(maxLength: 2000, nullable: true),
            UserId = t.Column<Guid>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("activities"), x => x.Id));
        CreateIndex(migrationBuilder, "activities", ["TenantId", "OpportunityId", "At"]);
        CreateIndex(migrationBuilder, "activities", ["TenantId", "UserId", "At"]);

        migrationBuilder.CreateTable(Table("opportunity_attachments"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            OpportunityId = t.Column<Guid>(nullable: false),
            Tag = t.Column<string>(maxLength: 40, nullable: false),
            FileName = t.Column<string>(maxLength: 200, nullable: false),
            ContentType = t.Column<string>(maxLength: 100, nullable: false),
            Size = t.Column<long>(nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("opportunity_attachments"), x => x.Id));
        CreateIndex(migrationBuilder, "opportunity_attachments", ["TenantId", "OpportunityId"]);

        migrationBuilder.CreateTable(Table("stage_move_requests"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            OpportunityId = t.Column<Guid>(nullable: false),
            FromStageId = t.Column<Guid>(nullable: false),
            ToStageId = t.Column<Guid>(nullable: false),
            RequestedByUserId = t.Column<Guid>(nullable: false),
            RequestedAt = t.Column<DateTime>(nullable: false),
            Note = t.Column<string>(maxLength: 2000, nullable: true),
            Status = t.Column<string>(maxLength: 10, nullable: false),
            DecidedByUserId = t.Column<Guid>(nullable: true),
            DecidedAt = t.Column<DateTime>(nullable: true),
            Comment = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("stage_move_requests"), x => x.Id));
        CreateIndex(migrationBuilder, "stage_move_requests", ["TenantId", "Status", "RequestedAt"]);
        CreateIndex(migrationBuilder, "stage_move_requests", ["TenantId", "OpportunityId"]);

        migrationBuilder.CreateTable(Table("opportunity_changes"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            OpportunityId = t.Column<Guid>(nullable: false),
            At = t.Column<DateTime>(nullable: false),
            UserId = t.Column<Guid>(nullable: true),
            Field = t.Column<string>(maxLength: 40, nullable: false),
            From = t.Column<string>(maxLength: 400, nullable: true),
            To = t.Column<string>(maxLength: 400, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_" + Table("opportunity_changes"), x => x.Id));
        CreateIndex(migrationBuilder, "opportunity_changes", ["TenantId", "OpportunityId", "At"]);

        migrationBuilder.CreateTable(Table("products"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Code = t.Column<string>(maxLength: 40, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Category = t.Column<string>(maxLength: 80, nullable: true),
            UnitPrice = t.Column<long>(nullable: false),
            IsActive = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("products"), x => x.Id));
        CreateIndex(migrationBuilder, "products", ["TenantId", "Code"], unique: true);
    }
}
