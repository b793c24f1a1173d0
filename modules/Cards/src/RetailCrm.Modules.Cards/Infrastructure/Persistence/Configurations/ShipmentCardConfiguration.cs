using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Domain.Stock;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;

internal sealed class ShipmentCardConfiguration : IEntityTypeConfiguration<ShipmentCard>
{
    public void Configure(EntityTypeBuilder<ShipmentCard> b)
    {
        b.ToTable("stock_shipment_cards");
        b.Property(x => x.Number).HasMaxLength(32);
        b.HasIndex(x => x.StoreRequestId);
        b.HasIndex(x => x.CardId);
        b.HasOne<StoreRequest>().WithMany().HasForeignKey(x => x.StoreRequestId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Card>().WithMany().HasForeignKey(x => x.CardId).OnDelete(DeleteBehavior.Restrict);
    }
}
