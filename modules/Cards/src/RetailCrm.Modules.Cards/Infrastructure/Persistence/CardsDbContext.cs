using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Cards.Domain;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence;

/// <summary>
/// The cards module's tables (prefix <c>cards_</c> / schema <c>cards</c>). Newer entities are configured by their own
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes under <c>Configurations/</c>, picked up from this assembly.
/// </summary>
internal sealed class CardsDbContext(DbContextOptions<CardsDbContext> options) : CrmDbContext(options)
{
    public const string ModuleId = "cards";

    public DbSet<CardProduct> Products => Set<CardProduct>();

    public DbSet<Card> Cards => Set<Card>();

    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

    public DbSet<Terminal> Terminals => Set<Terminal>();

    public DbSet<TerminalNonce> TerminalNonces => Set<TerminalNonce>();

    public DbSet<CardCharge> Charges => Set<CardCharge>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CardProduct>(b =>
        {
            b.ToTable("products");
            b.Property(x => x.Code).HasMaxLength(40);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Currency).HasMaxLength(3);
            b.Property(x => x.NumberPrefix).HasMaxLength(18);
            b.Property(x => x.FaceDesign).HasMaxLength(300);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
        });
        modelBuilder.Entity<Card>(b =>
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
        });
        modelBuilder.Entity<LedgerEntry>(b =>
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
        });
        modelBuilder.Entity<Terminal>(b =>
        {
            b.ToTable("terminals");
            b.Property(x => x.StoreCode).HasMaxLength(50);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.ProtectedSecret).HasMaxLength(1000);
            b.HasIndex(x => new { x.TenantId, x.StoreCode });
        });
        modelBuilder.Entity<TerminalNonce>(b =>
        {
            b.ToTable("terminal_nonces");
            b.HasKey(x => new { x.TerminalId, x.Nonce });
            b.Property(x => x.Nonce).HasMaxLength(100);
            b.HasIndex(x => x.UsedAt);
        });
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CardsDbContext).Assembly,
            t => t.Namespace == typeof(Configurations.CardChargeConfiguration).Namespace);
    }
}
