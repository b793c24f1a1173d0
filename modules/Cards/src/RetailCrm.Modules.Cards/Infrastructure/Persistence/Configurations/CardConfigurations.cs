using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Cards.Domain;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;

internal sealed class CardProductConfiguration : IEntityTypeConfiguration<CardProduct>
{
    public void Configure(EntityTypeBuilder<CardProduct> b)
    {
        b.ToTable("products");
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.NumberPrefix).HasMaxLength(18);
        b.Property(x => x.FaceDesign).HasMaxLength(300);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
    }
}

internal sealed class CardConfiguration : IEntityTypeConfiguration<Card>
{
    public void Configure(EntityTypeBuilder<Card> b)
    {
        b.ToTable("cards");
        b.Property(x => x.Number).HasMaxLength(32);
        b.Property(x => x.HolderCode).HasMaxLength(40);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.PinHash).HasMaxLength(100);
        b.Property(x => x.StoreCode).HasMaxLength(50);
        b.Property(x => x.LocationCode).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.LocationCode, x.ProductId, x.Status });
        b.HasIndex(x => new { x.TenantId, x.HolderCustomerId });
        b.HasIndex(x => new { x.TenantId, x.ProductId, x.Status });
        b.HasOne<CardProduct>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("ledger_entries");
        b.Property(x => x.Reference).HasMaxLength(200);
        b.Property(x => x.ReceiptId).HasMaxLength(100);
        b.Property(x => x.StoreCode).HasMaxLength(50);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.HasIndex(x => new { x.CardId, x.OccurredAt });
        b.HasIndex(x => x.OriginalEntryId);
        b.HasIndex(x => new { x.TenantId, x.Reference });
        b.HasIndex(x => new { x.TenantId, x.OccurredAt });
        b.HasOne<Card>().WithMany().HasForeignKey(x => x.CardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TerminalConfiguration : IEntityTypeConfiguration<Terminal>
{
    public void Configure(EntityTypeBuilder<Terminal> b)
    {
        b.ToTable("terminals");
        b.Property(x => x.StoreCode).HasMaxLength(50);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.ProtectedSecret).HasMaxLength(1000);
        b.HasIndex(x => new { x.TenantId, x.StoreCode });
    }
}

internal sealed class TerminalNonceConfiguration : IEntityTypeConfiguration<TerminalNonce>
{
    public void Configure(EntityTypeBuilder<TerminalNonce> b)
    {
        b.ToTable("terminal_nonces");
        b.HasKey(x => new { x.TerminalId, x.Nonce });
        b.Property(x => x.Nonce).HasMaxLength(100);
        b.HasIndex(x => x.UsedAt);
    }
}
