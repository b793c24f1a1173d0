using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Migrations;

/// <summary>
/// The daily settlement reads a tenant's ledger entries and charges of one day. One index on (TenantId, OccurredAt)
/// per table serves both the report over all stores and a store's drill-down (the day's range, then the store); a
/// store-first index would not serve the report, and every further ledger index costs the till's payment insert.
/// </summary>
[DbContext(typeof(CardsDbContext))]
[Migration("20261126120000_SettlementIndexes")]
internal sealed class SettlementIndexes : CrmMigration
{
    protected override string ModuleId => CardsDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreateIndex(migrationBuilder, "ledger_entries", ["TenantId", "OccurredAt"]);
        CreateIndex(migrationBuilder, "charges", ["TenantId", "OccurredAt"]);
    }
}
