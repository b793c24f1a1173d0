using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Sample.Domain;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Sample.Infrastructure.Persistence;

/// <summary>The sample module's tables, under the module's table prefix (SQLite) or schema (PostgreSQL), which the kernel adds.</summary>
internal sealed class SampleDbContext(DbContextOptions<SampleDbContext> options) : CrmDbContext(options)
{
    public const string ModuleId = "sample";

    public DbSet<Thing> Things => Set<Thing>();

    protected override void ConfigureModel(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Thing>(b =>
        {
            b.ToTable("things");
            b.Property(x => x.Name).HasMaxLength(Thing.MaxNameLength);
            b.HasIndex(x => new { x.TenantId, x.Name });
        });
}
