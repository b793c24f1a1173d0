using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Migrations;

/// <summary>
/// The indexes the model has on the product foreign keys of cards and bulk sales, which the migrations that made those
/// tables left out (no index there starts with ProductId). Without them deleting a product makes the database check
/// the foreign key by reading every card and bulk sale of all tenants; PostgreSQL indexes no foreign key by itself.
/// </summary>
[DbContext(typeof(CardsDbContext))]
[Migration("20261127090000_ProductForeignKeyIndexes")]
internal sealed class ProductForeignKeyIndexes : CrmMigration
{
    protected override string ModuleId => CardsDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreateIndex(migrationBuilder, "cards", ["ProductId"]);
        CreateIndex(migrationBuilder, "bulk_sales", ["ProductId"]);
    }
}
