using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Domain.Stock;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;

internal sealed class StoreRequestConfiguration : IEntityTypeConfiguration<StoreRequest>
{
    public void Configure(EntityTypeBuilder<StoreRequest> b)
    {
        b.ToTable("stock_store_requests");
        b.Property(x => x.StoreCode).HasMaxLength(50);
        b.Property(x => x.FromLocationCode).HasMaxLength(50);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.RejectionReason).HasMaxLength(500);
        b.Property(x => x.RequestedBy).HasMaxLength(200);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.ShippedBy).HasMaxLength(200);
        b.Property(x => x.ReceivedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.StoreCode, x.Status });
        b.HasOne<CardProduct>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
