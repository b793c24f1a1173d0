using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Modules.Cards.Domain.Selling;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence.Configurations;

internal sealed class BulkSaleConfiguration : IEntityTypeConfiguration<BulkSale>
{
    public void Configure(EntityTypeBuilder<BulkSale> b)
    {
        b.ToTable("bulk_sales");
        b.Property(x => x.InvoiceNumber).HasMaxLength(100);
        b.Property(x => x.CustomerCode).HasMaxLength(40);
        b.Property(x => x.CustomerName).HasMaxLength(200);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.StoreCode).HasMaxLength(50);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.HasIndex(x => new { x.TenantId, x.InvoiceNumber }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.CustomerId });
        b.HasOne<CardProduct>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Cards).WithOne().HasForeignKey(x => x.BulkSaleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BulkSaleCardConfiguration : IEntityTypeConfiguration<BulkSaleCard>
{
    public void Configure(EntityTypeBuilder<BulkSaleCard> b)
    {
        b.ToTable("bulk_sale_cards");
        b.HasKey(x => new { x.BulkSaleId, x.CardId });
        b.Property(x => x.Number).HasMaxLength(32);
        b.HasIndex(x => x.CardId).IsUnique();
        b.HasOne<Card>().WithMany().HasForeignKey(x => x.CardId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CardExchangeConfiguration : IEntityTypeConfiguration<CardExchange>
{
    public void Configure(EntityTypeBuilder<CardExchange> b)
    {
        b.ToTable("exchanges");
        b.Property(x => x.OldNumber).HasMaxLength(32);
        b.Property(x => x.NewNumber).HasMaxLength(32);
        b.Property(x => x.LocationCode).HasMaxLength(50);
        b.Property(x => x.ReceiptId).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(200);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.HasIndex(x => x.OldCardId).IsUnique();
        b.HasIndex(x => x.NewCardId);
        b.HasIndex(x => new { x.TenantId, x.ExchangedAt });
        b.HasOne<Card>().WithMany().HasForeignKey(x => x.OldCardId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Card>().WithMany().HasForeignKey(x => x.NewCardId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// A receipt id names one payment or one top-up of a card: the partial unique index makes the second insert fail,
/// so parallel retries of one till receipt charge once (SQLite and PostgreSQL both have partial indexes).
/// </summary>
internal sealed class LedgerReceiptConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    /// <summary>TopUp = 1, Payment = 2 (<see cref="Contracts.LedgerEntryKind"/> stored as numbers).</summary>
    public const string ReceiptFilter = "\"ReceiptId\" IS NOT NULL AND \"Kind\" IN (1, 2)";

    public void Configure(EntityTypeBuilder<LedgerEntry> b) =>
        b.HasIndex(x => new { x.TenantId, x.CardId, x.Kind, x.ReceiptId }).IsUnique().HasFilter(ReceiptFilter);
}
