using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Domain.Stock;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;

internal sealed class ProductionOrderConfiguration : IEntityTypeConfiguration<ProductionOrder>
{
    public void Configure(EntityTypeBuilder<ProductionOrder> b)
    {
        b.ToTable("stock_production_orders");
        b.Property(x => x.LocationCode).HasMaxLength(50);
        b.Property(x => x.FirstNumber).HasMaxLength(32);
        b.Property(x => x.LastNumber).HasMaxLength(32);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.ProductId, x.CreatedAt });
        b.HasOne<CardProduct>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
