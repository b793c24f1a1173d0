using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Service.Domain.FollowUps;
using RetailCrm.Modules.Service.Domain.Surveys;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Configurations.Surveys;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.ToTable("surveys");
        b.Property(x => x.Channel).HasMaxLength(10);
        b.Property(x => x.Address).HasMaxLength(Survey.MaxAddressLength);
        b.Property(x => x.Language).HasMaxLength(10);
        b.Property(x => x.LinkBase).HasMaxLength(Survey.MaxLinkBaseLength);
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.Comment).HasMaxLength(Survey.MaxCommentLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsAnswered);
        b.HasIndex(x => new { x.TenantId, x.TicketId }).IsUnique();
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.AnsweredAt });
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> b)
    {
        b.ToTable("follow_ups");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(FollowUp.MaxReasonLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.Status, x.DueAt });
        b.HasIndex(x => new { x.TenantId, x.TicketId });
    }
}
