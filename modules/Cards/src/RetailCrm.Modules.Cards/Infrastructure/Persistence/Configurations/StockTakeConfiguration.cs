using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Cards.Domain.Stock;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;

internal sealed class StockTakeConfiguration : IEntityTypeConfiguration<StockTake>
{
    /// <summary>Rows of a stock-take still being counted (Open, Counted): at most one per location.</summary>
    public const string OpenFilter = "\"Status\" IN (0, 1)";

    public void Configure(EntityTypeBuilder<StockTake> b)
    {
        b.ToTable("stock_takes");
        b.Property(x => x.LocationCode).HasMaxLength(50);
        b.Property(x => x.OpenedBy).HasMaxLength(200);
        b.Property(x => x.WriteOffReason).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.LocationCode, x.OpenedAt });
        b.HasIndex(x => new { x.TenantId, x.LocationCode }).IsUnique().HasFilter(OpenFilter);
    }
}
