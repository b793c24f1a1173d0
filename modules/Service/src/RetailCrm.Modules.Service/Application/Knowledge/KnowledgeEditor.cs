using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Domain.Knowledge;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Knowledge;

/// <summary>Writing the knowledge base: articles (with their search words, in the same SaveChanges) and categories.</summary>
internal sealed class KnowledgeEditor(ServiceDbContext db, ICurrentUser user, TimeProvider time)
{
    public async Task<Result<Guid>> CreateAsync(ArticleInput input, CancellationToken cancellationToken)
    {
        if (await CategoryRefusalAsync(input.CategoryId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var written = KnowledgeArticle.Write(input, Author, time.GetUtcNow().UtcDateTime);
        if (written.IsRefused)
        {
            return written.Refusal;
        }

        var article = written.Value;
        Index(article);
        db.Set<KnowledgeArticle>().Add(article);
        await db.SaveChangesAsync(cancellationToken);
        return article.Id;
    }

    public async Task<Result<Guid>> UpdateAsync(Guid id, ArticleInput input, CancellationToken cancellationToken)
    {
        var article = await db.Set<KnowledgeArticle>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return KnowledgeRefusals.ArticleNotFound(id);
        }

        if ((await CategoryRefusalAsync(input.CategoryId, cancellationToken) ?? article.Change(input, Author, time.GetUtcNow().UtcDateTime)) is { } refused)
        {
            return refused;
        }

        Index(article);
        await db.SaveChangesAsync(cancellationToken);
        return article.Id;
    }

    public async Task<Result<CategoryView>> CreateCategoryAsync(string? name, CancellationToken cancellationToken)
    {
        var created = KnowledgeCategory.Create(name);
        if (created.IsRefused)
        {
            return created.Refusal;
        }

        if (await NameTakenAsync(created.Value.Name, null, cancellationToken) is { } taken)
        {
            return taken;
        }

        db.Set<KnowledgeCategory>().Add(created.Value);
        await db.SaveChangesAsync(cancellationToken);
        return new CategoryView(created.Value.Id, created.Value.Name, 0);
    }

    public async Task<Result<CategoryView>> RenameCategoryAsync(Guid id, string? name, CancellationToken cancellationToken)
    {
        var category = await db.Set<KnowledgeCategory>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return KnowledgeRefusals.CategoryNotFound(id);
        }

        if ((category.Rename(name) ?? await NameTakenAsync(category.Name, id, cancellationToken)) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new CategoryView(category.Id, category.Name, await db.Set<KnowledgeArticle>().CountAsync(a => a.CategoryId == id, cancellationToken));
    }

    /// <summary>Removes an empty category; one that still holds articles is refused, so no article loses its shelf unseen.</summary>
    public async Task<Result<Guid>> DeleteCategoryAsync(Guid id, CancellationToken cancellationToken)
    {
        var category = await db.Set<KnowledgeCategory>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return KnowledgeRefusals.CategoryNotFound(id);
        }

        var articles = await db.Set<KnowledgeArticle>().CountAsync(a => a.CategoryId == id, cancellationToken);
        if (articles > 0)
        {
            return Refusal.Conflict("service/kb-category-in-use", "The category {0} still holds {1} articles; move them first.", category.Name, articles);
        }

        db.Set<KnowledgeCategory>().Remove(category);
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    private string Author => user.UserName ?? "system";

    private static void Index(KnowledgeArticle article) =>
        article.Index(KnowledgeTokenizer.Indexed(article.Title), KnowledgeTokenizer.Indexed(ArticleMarkdown.ToPlainText(article.Body)));

    private async Task<Refusal?> CategoryRefusalAsync(Guid? categoryId, CancellationToken cancellationToken) =>
        categoryId is { } id && !await db.Set<KnowledgeCategory>().AnyAsync(c => c.Id == id, cancellationToken)
            ? Refusal.Invalid("service/kb-article-invalid", "categoryId", "There is no category {0}.", id)
            : null;

    private async Task<Refusal?> NameTakenAsync(string name, Guid? except, CancellationToken cancellationToken) =>
        await db.Set<KnowledgeCategory>().AnyAsync(c => c.Name == name && c.Id != except, cancellationToken)
            ? Refusal.Conflict("service/kb-category-exists", "There is a category {0} already.", name).At("name")
            : null;
}
