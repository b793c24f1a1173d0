using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Members.Infrastructure.Persistence;

/// <summary>The members module's tables (prefix <c>members_</c> / schema <c>members</c>).</summary>
internal sealed class MembersDbContext(DbContextOptions<MembersDbContext> options) : CrmDbContext(options)
{
    public const string ModuleId = "members";

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<CustomerAddress> Addresses => Set<CustomerAddress>();

    public DbSet<CustomerContactPoint> ContactPoints => Set<CustomerContactPoint>();

    public DbSet<CustomerAnniversary> Anniversaries => Set<CustomerAnniversary>();

    public DbSet<CustomerTag> Tags => Set<CustomerTag>();

    public DbSet<CustomFieldDefinition> CustomFieldDefinitions => Set<CustomFieldDefinition>();

    public DbSet<CustomerFieldValue> CustomFieldValues => Set<CustomerFieldValue>();

    public DbSet<CodeSequence> CodeSequences => Set<CodeSequence>();

    public DbSet<Purchase> Purchases => Set<Purchase>();

    public DbSet<PurchaseLine> PurchaseLines => Set<PurchaseLine>();

    public DbSet<LifecycleChange> LifecycleChanges => Set<LifecycleChange>();

    public DbSet<MergeRecord> MergeRecords => Set<MergeRecord>();

    public DbSet<DuplicateCandidate> DuplicateCandidates => Set<DuplicateCandidate>();

    public DbSet<ChangeRequest> ChangeRequests => Set<ChangeRequest>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(b =>
        {
            b.ToTable("customers");
            b.Property(x => x.Code).HasMaxLength(40);
            b.Property(x => x.DisplayName).HasMaxLength(200);
            b.Property(x => x.FamilyName).HasMaxLength(100);
            b.Property(x => x.GivenName).HasMaxLength(100);
            b.Property(x => x.NameKey).HasMaxLength(200);
            b.Property(x => x.Gender).HasMaxLength(20);
            b.Property(x => x.IdentityNumber).HasMaxLength(40);
            b.Property(x => x.Phone).HasMaxLength(20);
            b.Property(x => x.Email).HasMaxLength(254);
            b.Property(x => x.Tier).HasMaxLength(40);
            b.Property(x => x.Currency).HasMaxLength(3);
            b.Property(x => x.PaymentTerms).HasMaxLength(100);
            b.Property(x => x.TaxClass).HasMaxLength(40);
            b.Property(x => x.BankAccount).HasMaxLength(100);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.Phone });
            b.HasIndex(x => new { x.TenantId, x.Email });
            b.HasIndex(x => new { x.TenantId, x.IdentityNumber });
            b.HasIndex(x => new { x.TenantId, x.NameKey });
            b.HasIndex(x => new { x.TenantId, x.OwnerUserId });
            b.HasIndex(x => new { x.TenantId, x.UnitId });
            b.HasMany(x => x.Addresses).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.ContactPoints).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.Anniversaries).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.Tags).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(x => x.CustomFields).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CustomerAddress>(b =>
        {
            b.ToTable("customer_addresses");
            b.Property(x => x.Region).HasMaxLength(2);
            b.Property(x => x.Province).HasMaxLength(100);
            b.Property(x => x.City).HasMaxLength(100);
            b.Property(x => x.District).HasMaxLength(100);
            b.Property(x => x.Street).HasMaxLength(300);
            b.Property(x => x.Postcode).HasMaxLength(20);
        });
        modelBuilder.Entity<CustomerContactPoint>(b =>
        {
            b.ToTable("customer_contact_points");
            b.Property(x => x.Value).HasMaxLength(254);
            b.Property(x => x.Label).HasMaxLength(100);
            b.HasIndex(x => new { x.TenantId, x.Kind, x.Value });
        });
        modelBuilder.Entity<CustomerAnniversary>(b =>
        {
            b.ToTable("customer_anniversaries");
            b.Property(x => x.Label).HasMaxLength(100);
        });
        modelBuilder.Entity<CustomerTag>(b =>
        {
            b.ToTable("customer_tags");
            b.HasKey(x => new { x.CustomerId, x.Tag });
            b.Property(x => x.Tag).HasMaxLength(60);
            b.HasIndex(x => new { x.TenantId, x.Tag });
        });
        modelBuilder.Entity<CustomFieldDefinition>(b =>
        {
            b.ToTable("custom_field_definitions");
            b.Property(x => x.Key).HasMaxLength(60);
            b.Property(x => x.Label).HasMaxLength(100);
            b.Property(x => x.LabelZh).HasMaxLength(100);
            b.Property(x => x.Choices).HasMaxLength(2000);
            b.Ignore(x => x.ChoiceList);
            b.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();
        });
        modelBuilder.Entity<CustomerFieldValue>(b =>
        {
            b.ToTable("customer_field_values");
            b.HasKey(x => new { x.CustomerId, x.FieldKey });
            b.Property(x => x.FieldKey).HasMaxLength(60);
            b.Property(x => x.Value).HasMaxLength(1000);
            b.HasIndex(x => new { x.TenantId, x.FieldKey, x.Value });
        });
        modelBuilder.Entity<CodeSequence>(b =>
        {
            b.ToTable("code_sequences");
            b.HasKey(x => new { x.TenantId, x.Name });
            b.Property(x => x.Name).HasMaxLength(60);
        });
        modelBuilder.Entity<Purchase>(b =>
        {
            b.ToTable("purchases");
            b.Property(x => x.ReceiptId).HasMaxLength(100);
            b.Property(x => x.StoreCode).HasMaxLength(50);
            b.Property(x => x.Currency).HasMaxLength(3);
            b.Property(x => x.Tender).HasMaxLength(50);
            b.Property(x => x.Source).HasMaxLength(50);
            b.HasIndex(x => new { x.TenantId, x.ReceiptId }).IsUnique();
            b.HasIndex(x => new { x.CustomerId, x.PurchasedAt });
            b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.PurchaseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PurchaseLine>(b =>
        {
            b.ToTable("purchase_lines");
            b.Property(x => x.Sku).HasMaxLength(60);
            b.Property(x => x.Description).HasMaxLength(300);
            b.Property(x => x.Quantity).HasPrecision(18, 3);
        });
        modelBuilder.Entity<LifecycleChange>(b =>
        {
            b.ToTable("lifecycle_changes");
            b.Property(x => x.Reason).HasMaxLength(300);
            b.HasIndex(x => new { x.CustomerId, x.ChangedAt });
        });
        modelBuilder.Entity<MergeRecord>(b =>
        {
            b.ToTable("merge_records");
            b.Property(x => x.MergedBy).HasMaxLength(200);
            b.HasIndex(x => x.SurvivorId);
        });
        modelBuilder.Entity<DuplicateCandidate>(b =>
        {
            b.ToTable("duplicate_candidates");
            b.Property(x => x.Reasons).HasMaxLength(500);
            b.HasIndex(x => new { x.TenantId, x.FirstId, x.SecondId }).IsUnique();
            b.HasIndex(x => new { x.TenantId, x.Status, x.Score });
        });
        modelBuilder.Entity<ChangeRequest>(b =>
        {
            b.ToTable("change_requests");
            b.Property(x => x.RequestedBy).HasMaxLength(200);
            b.Property(x => x.ReviewedBy).HasMaxLength(200);
            b.Property(x => x.DecidedBy).HasMaxLength(200);
            b.Property(x => x.Comment).HasMaxLength(1000);
            b.Property(x => x.ReviewComment).HasMaxLength(1000);
            b.HasIndex(x => new { x.TenantId, x.Status });
            b.HasIndex(x => x.CustomerId);
        });
        modelBuilder.Entity<ImportBatch>(b =>
        {
            b.ToTable("import_batches");
            b.Property(x => x.FileName).HasMaxLength(260);
            b.Property(x => x.CreatedBy).HasMaxLength(200);
            b.HasIndex(x => new { x.TenantId, x.CreatedAt });
        });
    }
}
