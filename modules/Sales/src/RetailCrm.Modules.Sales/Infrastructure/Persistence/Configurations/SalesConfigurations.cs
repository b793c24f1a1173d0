using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Sales.Domain.Catalogue;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Modules.Sales.Domain.Pipelines;
using RetailCrm.Modules.Sales.Domain.Reviews;
using RetailCrm.Modules.Sales.Domain.Tasks;

namespace RetailCrm.Modules.Sales.Infrastructure.Persistence.Configurations;

internal sealed class PipelineConfiguration : IEntityTypeConfiguration<Pipeline>
{
    public void Configure(EntityTypeBuilder<Pipeline> b)
    {
        b.ToTable("pipelines");
        b.Property(x => x.Name).HasMaxLength(Pipeline.MaxNameLength);
        b.Property(x => x.NameZh).HasMaxLength(Pipeline.MaxNameLength);
        b.HasIndex(x => new { x.TenantId, x.Position });
    }
}

internal sealed class StageConfiguration : IEntityTypeConfiguration<Stage>
{
    public void Configure(EntityTypeBuilder<Stage> b)
    {
        b.ToTable("stages");
        b.Property(x => x.Key).HasMaxLength(Stage.MaxKeyLength);
        b.Property(x => x.Name).HasMaxLength(Stage.MaxNameLength);
        b.Property(x => x.NameZh).HasMaxLength(Stage.MaxNameLength);
        b.Ignore(x => x.ExitCriteria);
        b.HasIndex(x => new { x.TenantId, x.PipelineId, x.Key }).IsUnique();
    }
}

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> b)
    {
        b.ToTable("opportunities");
        b.Property(x => x.Title).HasMaxLength(Opportunity.MaxTitleLength);
        b.Property(x => x.CustomerName).HasMaxLength(Opportunity.MaxShortLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Source).HasMaxLength(Opportunity.MaxShortLength);
        b.Property(x => x.Competitors).HasMaxLength(Opportunity.MaxShortLength);
        b.Property(x => x.Needs).HasMaxLength(Opportunity.MaxTextLength);
        b.Property(x => x.Solution).HasMaxLength(Opportunity.MaxTextLength);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.ForecastCategory).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.CloseReason).HasMaxLength(Opportunity.MaxShortLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => new { x.TenantId, x.PipelineId, x.Status, x.StageId, x.UpdatedAt });
        b.HasIndex(x => new { x.TenantId, x.OwnerUserId, x.Status });
        b.HasIndex(x => new { x.TenantId, x.CustomerId });
        b.HasIndex(x => new { x.TenantId, x.Status, x.ExpectedCloseDate });
    }
}

internal sealed class OpportunityLineConfiguration : IEntityTypeConfiguration<OpportunityLine>
{
    public void Configure(EntityTypeBuilder<OpportunityLine> b)
    {
        b.ToTable("opportunity_lines");
        b.Property(x => x.Description).HasMaxLength(OpportunityLine.MaxDescriptionLength);
        b.Property(x => x.Quantity).HasPrecision(12, 3);
        b.Property(x => x.DiscountPercent).HasPrecision(5, 2);
        b.HasIndex(x => new { x.TenantId, x.OpportunityId, x.Position });
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("activities");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Subject).HasMaxLength(Activity.MaxSubjectLength);
        b.Property(x => x.Outcome).HasMaxLength(Activity.MaxTextLength);
        b.Property(x => x.NextStep).HasMaxLength(Activity.MaxTextLength);
        b.HasIndex(x => new { x.TenantId, x.OpportunityId, x.At });
        b.HasIndex(x => new { x.TenantId, x.UserId, x.At });
    }
}

internal sealed class OpportunityAttachmentConfiguration : IEntityTypeConfiguration<OpportunityAttachment>
{
    public void Configure(EntityTypeBuilder<OpportunityAttachment> b)
    {
        b.ToTable("opportunity_attachments");
        b.Property(x => x.Tag).HasMaxLength(OpportunityAttachmentTag.MaxLength);
        b.Property(x => x.FileName).HasMaxLength(200);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.HasIndex(x => new { x.TenantId, x.OpportunityId });
    }
}

internal sealed class StageMoveRequestConfiguration : IEntityTypeConfiguration<StageMoveRequest>
{
    public void Configure(EntityTypeBuilder<StageMoveRequest> b)
    {
        b.ToTable("stage_move_requests");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Note).HasMaxLength(StageMoveRequest.MaxCommentLength);
        b.Property(x => x.Comment).HasMaxLength(StageMoveRequest.MaxCommentLength);
        b.HasIndex(x => new { x.TenantId, x.Status, x.RequestedAt });
        b.HasIndex(x => new { x.TenantId, x.OpportunityId });
    }
}

internal sealed class OpportunityChangeConfiguration : IEntityTypeConfiguration<OpportunityChange>
{
    public void Configure(EntityTypeBuilder<OpportunityChange> b)
    {
        b.ToTable("opportunity_changes");
        b.Property(x => x.Field).HasMaxLength(40);
        b.Property(x => x.From).HasMaxLength(OpportunityChange.MaxValueLength);
        b.Property(x => x.To).HasMaxLength(OpportunityChange.MaxValueLength);
        b.HasIndex(x => new { x.TenantId, x.OpportunityId, x.At });
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("products");
        b.Property(x => x.Code).HasMaxLength(Product.MaxCodeLength);
        b.Property(x => x.Name).HasMaxLength(Product.MaxNameLength);
        b.Property(x => x.Category).HasMaxLength(Product.MaxCategoryLength);
        b.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
    }
}

internal sealed class SalesTaskConfiguration : IEntityTypeConfiguration<SalesTask>
{
    public void Configure(EntityTypeBuilder<SalesTask> b)
    {
        b.ToTable("tasks");
        b.Property(x => x.Title).HasMaxLength(SalesTask.MaxTitleLength);
        b.Property(x => x.Notes).HasMaxLength(SalesTask.MaxNotesLength);
        b.Ignore(x => x.IsDone);
        b.HasIndex(x => new { x.TenantId, x.AssigneeUserId, x.CompletedAt, x.DueAt });
        b.HasIndex(x => new { x.TenantId, x.OpportunityId });
        b.HasIndex(x => new { x.TenantId, x.RemindedAt, x.RemindAt });
    }
}

internal sealed class JournalReviewConfiguration : IEntityTypeConfiguration<JournalReview>
{
    public void Configure(EntityTypeBuilder<JournalReview> b)
    {
        b.ToTable("journal_reviews");
        b.Property(x => x.Verdict).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Comment).HasMaxLength(JournalReview.MaxCommentLength);
        b.HasIndex(x => new { x.TenantId, x.SalesPersonUserId, x.WeekStart });
    }
}

internal sealed class StageTotalConfiguration : IEntityTypeConfiguration<StageTotal>
{
    public void Configure(EntityTypeBuilder<StageTotal> b)
    {
        b.ToTable("stage_totals");
        b.HasKey(x => new { x.TenantId, x.StageId, x.OwnerUserId, x.UnitKey });
        b.HasIndex(x => new { x.TenantId, x.PipelineId });
    }
}
