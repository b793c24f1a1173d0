using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Cards.Domain;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;

internal sealed class CardChargeConfiguration : IEntityTypeConfiguration<CardCharge>
{
    public void Configure(EntityTypeBuilder<CardCharge> b)
    {
        b.ToTable("charges");
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.StoreCode).HasMaxLength(50);
        b.Property(x => x.ReceiptId).HasMaxLength(100);
        b.Property(x => x.Reference).HasMaxLength(200);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.HasIndex(x => new { x.TenantId, x.StoreCode, x.OccurredAt });
        b.HasIndex(x => x.CardId);
        b.HasIndex(x => new { x.TenantId, x.OccurredAt });
        b.HasOne<Card>().WithMany().HasForeignKey(x => x.CardId).OnDelete(DeleteBehavior.Restrict);
    }
}
