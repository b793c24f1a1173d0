using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Service.Domain.Campaigns;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Configurations.Calls;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("campaigns");
        b.Property(x => x.Name).HasMaxLength(Campaign.MaxNameLength);
        b.Property(x => x.Term).HasMaxLength(100);
        b.Property(x => x.Tier).HasMaxLength(50);
        b.Property(x => x.LifecycleClass).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.TenantId, x.CreatedAt });
    }
}

internal sealed class CampaignCallConfiguration : IEntityTypeConfiguration<CampaignCall>
{
    public void Configure(EntityTypeBuilder<CampaignCall> b)
    {
        b.ToTable("campaign_calls");
        b.Property(x => x.CustomerName).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(CampaignCall.MaxNoteLength);
        b.Ignore(x => x.IsDone);
        b.HasIndex(x => new { x.TenantId, x.CampaignId, x.AgentUserId });
        b.HasIndex(x => new { x.TenantId, x.CampaignId, x.CustomerId }).IsUnique();
    }
}
