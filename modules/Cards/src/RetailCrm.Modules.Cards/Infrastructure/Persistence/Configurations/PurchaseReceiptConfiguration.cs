using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Cards.Domain.Stock;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;

internal sealed class PurchaseReceiptConfiguration : IEntityTypeConfiguration<PurchaseReceipt>
{
    public void Configure(EntityTypeBuilder<PurchaseReceipt> b)
    {
        b.ToTable("stock_receipts");
        b.Property(x => x.BatchReference).HasMaxLength(100);
        b.Property(x => x.LocationCode).HasMaxLength(50);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.HasIndex(x => x.PurchaseOrderId);
        b.HasIndex(x => new { x.TenantId, x.ReceivedAt });
        b.HasOne<PurchaseOrder>().WithMany().HasForeignKey(x => x.PurchaseOrderId).OnDelete(DeleteBehavior.Restrict);
    }
}
