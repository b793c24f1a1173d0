using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.Templates;

/// <summary>A tenant's own text of one template in one culture, used instead of the module's default.</summary>
internal sealed class TemplateOverride : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Key { get; set; } = "";

    public string Culture { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}

internal sealed class TemplateOverrideConfiguration : IEntityTypeConfiguration<TemplateOverride>
{
    public void Configure(EntityTypeBuilder<TemplateOverride> builder)
    {
        builder.ToTable("template_overrides");
        builder.Property(x => x.Key).HasMaxLength(200);
        builder.Property(x => x.Culture).HasMaxLength(10);
        builder.HasIndex(x => new { x.TenantId, x.Key, x.Culture }).IsUnique();
    }
}
