using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Service.Domain;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Configurations;

internal sealed class ThingConfiguration : IEntityTypeConfiguration<Thing>
{
    public void Configure(EntityTypeBuilder<Thing> b)
    {
        b.ToTable("things");
        b.Property(x => x.Name).HasMaxLength(Thing.MaxNameLength);
        b.HasIndex(x => new { x.TenantId, x.Name });
    }
}
