using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Cards.Domain.Stock;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> b)
    {
        b.ToTable("stock_suppliers");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Contact).HasMaxLength(100);
        b.Property(x => x.Phone).HasMaxLength(50);
        b.Property(x => x.Email).HasMaxLength(200);
        b.HasIndex(x => new { x.TenantId, x.Name });
    }
}
