using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Members.Domain;

namespace RetailCrm.Modules.Members.Infrastructure.Persistence.Configurations;

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> b)
    {
        b.ToTable("purchases");
        b.Property(x => x.ReceiptId).HasMaxLength(100);
        b.Property(x => x.StoreCode).HasMaxLength(50);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.Tender).HasMaxLength(50);
        b.Property(x => x.Source).HasMaxLength(50);
        b.HasIndex(x => new { x.TenantId, x.ReceiptId }).IsUnique();
        b.HasIndex(x => new { x.CustomerId, x.PurchasedAt });
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.PurchaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PurchaseLineConfiguration : IEntityTypeConfiguration<PurchaseLine>
{
    public void Configure(EntityTypeBuilder<PurchaseLine> b)
    {
        b.ToTable("purchase_lines");
        b.Property(x => x.Sku).HasMaxLength(60);
        b.Property(x => x.Description).HasMaxLength(300);
        b.Property(x => x.Quantity).HasPrecision(18, 3);
    }
}

internal sealed class LifecycleChangeConfiguration : IEntityTypeConfiguration<LifecycleChange>
{
    public void Configure(EntityTypeBuilder<LifecycleChange> b)
    {
        b.ToTable("lifecycle_changes");
        b.Property(x => x.Reason).HasMaxLength(300);
        b.HasIndex(x => new { x.CustomerId, x.ChangedAt });
    }
}
