using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Cards.Domain.Stock;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;

internal sealed class StockTakeBlankConfiguration : IEntityTypeConfiguration<StockTakeBlank>
{
    public void Configure(EntityTypeBuilder<StockTakeBlank> b)
    {
        b.ToTable("stock_take_blanks");
        b.HasIndex(x => new { x.StockTakeId, x.ProductId }).IsUnique();
        b.HasOne<StockTake>().WithMany().HasForeignKey(x => x.StockTakeId).OnDelete(DeleteBehavior.Restrict);
    }
}
