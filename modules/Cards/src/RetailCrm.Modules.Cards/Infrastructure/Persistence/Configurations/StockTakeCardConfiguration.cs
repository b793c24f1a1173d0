using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Cards.Domain.Stock;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;

internal sealed class StockTakeCardConfiguration : IEntityTypeConfiguration<StockTakeCard>
{
    public void Configure(EntityTypeBuilder<StockTakeCard> b)
    {
        b.ToTable("stock_take_cards");
        b.Property(x => x.Number).HasMaxLength(32);
        b.HasIndex(x => new { x.StockTakeId, x.Number }).IsUnique();
        b.HasOne<StockTake>().WithMany().HasForeignKey(x => x.StockTakeId).OnDelete(DeleteBehavior.Restrict);
    }
}
