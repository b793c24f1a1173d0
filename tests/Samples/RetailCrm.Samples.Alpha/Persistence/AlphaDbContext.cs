using Microsoft.EntityFrameworkCore;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Samples.Alpha.Persistence;

/// <summary>A tenant-owned row of the sample module.</summary>
public sealed class AlphaThing : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Name { get; set; } = "";
}

/// <summary>The sample module's tables (prefix <c>alpha_</c>).</summary>
public sealed class AlphaDbContext(DbContextOptions<AlphaDbContext> options) : CrmDbContext(options)
{
    public DbSet<AlphaThing> Things => Set<AlphaThing>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<AlphaThing>(b =>
        {
            b.ToTable("things");
            b.HasKey(x => x.Id);
            b.Property(x => x.Name).HasMaxLength(200);
            b.HasIndex(x => x.TenantId);
        });
}
