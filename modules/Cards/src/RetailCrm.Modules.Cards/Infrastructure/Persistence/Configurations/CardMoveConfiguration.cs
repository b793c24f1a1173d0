using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Domain.Stock;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;

internal sealed class CardMoveConfiguration : IEntityTypeConfiguration<CardMove>
{
    public void Configure(EntityTypeBuilder<CardMove> b)
    {
        b.ToTable("stock_card_moves");
        b.Property(x => x.FromLocationCode).HasMaxLength(50);
        b.Property(x => x.ToLocationCode).HasMaxLength(50);
        b.Property(x => x.Reference).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.HasIndex(x => new { x.CardId, x.OccurredAt });
        b.HasIndex(x => new { x.TenantId, x.Reference });
        b.HasOne<Card>().WithMany().HasForeignKey(x => x.CardId).OnDelete(DeleteBehavior.Restrict);
    }
}
