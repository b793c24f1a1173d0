using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Service.Domain.Knowledge;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Configurations.Knowledge;

internal sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> b)
    {
        b.ToTable("kb_articles");
        b.Property(x => x.Language).HasMaxLength(10);
        b.Property(x => x.Title).HasMaxLength(KnowledgeArticle.MaxTitleLength);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.TenantId, x.Language, x.IsPublished });
        b.HasIndex(x => new { x.TenantId, x.CategoryId });
    }
}

internal sealed class KnowledgeCategoryConfiguration : IEntityTypeConfiguration<KnowledgeCategory>
{
    public void Configure(EntityTypeBuilder<KnowledgeCategory> b)
    {
        b.ToTable("kb_categories");
        b.Property(x => x.Name).HasMaxLength(KnowledgeCategory.MaxNameLength);
        b.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
    }
}

internal sealed class ArticleFeedbackConfiguration : IEntityTypeConfiguration<ArticleFeedback>
{
    public void Configure(EntityTypeBuilder<ArticleFeedback> b)
    {
        b.ToTable("kb_article_feedback");
        b.Property(x => x.Voter).HasMaxLength(ArticleFeedback.MaxVoterLength);
        b.HasIndex(x => new { x.TenantId, x.ArticleId, x.Voter }).IsUnique();
    }
}
