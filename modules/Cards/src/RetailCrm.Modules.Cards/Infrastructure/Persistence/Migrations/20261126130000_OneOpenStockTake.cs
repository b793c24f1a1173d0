using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Migrations;

/// <summary>At most one stock-take per location being counted, decided by the database when two are opened at once.</summary>
[DbContext(typeof(CardsDbContext))]
[Migration("20261126130000_OneOpenStockTake")]
internal sealed class OneOpenStockTake : CrmMigration
{
    protected override string ModuleId => CardsDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        string[] columns = ["TenantId", "LocationCode"];
        migrationBuilder.CreateIndex($"IX_{Table("stock_takes")}_open_{string.Join("_", columns)}", Table("stock_takes"), columns, Schema,
            unique: true, filter: StockTakeConfiguration.OpenFilter);
    }
}
