using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Domain.Stock;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;

internal sealed class BlankStockConfiguration : IEntityTypeConfiguration<BlankStock>
{
    public void Configure(EntityTypeBuilder<BlankStock> b)
    {
        b.ToTable("stock_blanks");
        b.Property(x => x.LocationCode).HasMaxLength(50);
        b.HasIndex(x => new { x.TenantId, x.LocationCode, x.ProductId }).IsUnique();
        b.HasOne<CardProduct>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
