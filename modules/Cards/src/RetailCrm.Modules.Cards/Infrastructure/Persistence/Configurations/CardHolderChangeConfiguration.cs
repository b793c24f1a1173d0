using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Cards.Domain;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;

internal sealed class CardHolderChangeConfiguration : IEntityTypeConfiguration<CardHolderChange>
{
    public void Configure(EntityTypeBuilder<CardHolderChange> b)
    {
        b.ToTable("holder_changes");
        b.Property(x => x.FromCode).HasMaxLength(40);
        b.Property(x => x.ToCode).HasMaxLength(40);
        b.Property(x => x.Reason).HasMaxLength(50);
        b.Property(x => x.Reference).HasMaxLength(100);
        b.Property(x => x.UserName).HasMaxLength(200);
        // One entry per card and cause: a second delivery of the same merge cannot write a second one.
        b.HasIndex(x => new { x.TenantId, x.CardId, x.Reference }).IsUnique();
        b.HasIndex(x => new { x.CardId, x.OccurredAt });
        b.HasOne<Card>().WithMany().HasForeignKey(x => x.CardId).OnDelete(DeleteBehavior.Restrict);
    }
}
