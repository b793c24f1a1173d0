using Microsoft.EntityFrameworkCore;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Samples.Beta.Persistence;

/// <summary>One alpha event that beta handled.</summary>
public sealed class ReceivedThing : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ThingId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The delivery attempt that succeeded (1 = first).</summary>
    public int Attempts { get; set; }

    public DateTime ReceivedAt { get; set; }
}

/// <summary>The sample module's tables (prefix <c>beta_</c>).</summary>
public sealed class BetaDbContext(DbContextOptions<BetaDbContext> options) : CrmDbContext(options)
{
    public DbSet<ReceivedThing> Received => Set<ReceivedThing>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ReceivedThing>(b =>
        {
            b.ToTable("received");
            b.HasKey(x => x.Id);
            b.Property(x => x.Name).HasMaxLength(200);
            b.HasIndex(x => x.TenantId);
        });
}
