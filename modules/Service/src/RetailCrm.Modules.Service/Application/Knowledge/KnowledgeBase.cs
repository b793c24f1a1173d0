using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Knowledge;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Modules.Service.Infrastructure.Persistence.Configurations.Knowledge;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Knowledge;

/// <summary>
/// Reading and searching the knowledge base. Agents (<see cref="ServicePermissions.KbView"/>) see published articles;
/// editors (<see cref="ServicePermissions.KbEdit"/>) see drafts too. The API and the pages both call it.
/// </summary>
internal sealed class KnowledgeBase(ServiceDbContext db, IPermissionChecker permissions, ICurrentUser user, ArticleMarkdown markdown)
{
    public async Task<Result<IReadOnlyList<ArticleSummary>>> SearchAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        string? language = null;
        if (!string.IsNullOrWhiteSpace(query.Language) && (language = ArticleLanguage.Normalize(query.Language)) is null)
        {
            return Refusal.Invalid("service/kb-query-invalid", "language", "Choose the article's language: en or zh-CN.");
        }

        var limit = Math.Clamp(query.Limit ?? ArticleQuery.DefaultLimit, 1, ArticleQuery.MaxLimit);
        var articles = await VisibleAsync(cancellationToken);
        if (language is not null)
        {
            articles = articles.Where(a => a.Language == language);
        }

        if (query.CategoryId is { } categoryId)
        {
            articles = articles.Where(a => a.CategoryId == categoryId);
        }

        var words = KnowledgeTokenizer.Words(query.Text).Distinct().ToList();
        var found = words.Count == 0
            ? await articles.OrderByDescending(a => a.UpdatedAt).Take(limit).Select(a => new { Article = a, Score = (double?)null }).ToListAsync(cancellationToken)
            : await (from hit in Hits(words)
                     join a in articles on hit.ArticleId equals a.Id
                     orderby hit.Score descending, a.UpdatedAt descending
                     select new { Article = a, Score = (double?)hit.Score }).Take(limit).ToListAsync(cancellationToken);
        var categories = await CategoryNamesAsync(cancellationToken);
        return found.Select(f => new ArticleSummary(
            f.Article.Id, f.Article.Title, f.Article.Language, f.Article.CategoryId, CategoryName(categories, f.Article.CategoryId), f.Article.IsPublished,
            f.Article.UpdatedAt, f.Article.UpdatedBy, SearchSnippet.Html(ArticleMarkdown.ToPlainText(f.Article.Body), words), f.Score)).ToList();
    }

    public async Task<Result<ArticleDetails>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var article = await (await VisibleAsync(cancellationToken)).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return KnowledgeRefusals.ArticleNotFound(id);
        }

        var votes = await db.Set<ArticleFeedback>().AsNoTracking().Where(f => f.ArticleId == id).Select(f => new { f.Helpful, f.Voter }).ToListAsync(cancellationToken);
        var mine = votes.FirstOrDefault(v => v.Voter == Voter)?.Helpful;
        var categories = await CategoryNamesAsync(cancellationToken);
        return new ArticleDetails(
            article.Id, article.Title, article.Language, article.CategoryId, CategoryName(categories, article.CategoryId), article.IsPublished, article.CreatedAt,
            article.UpdatedAt, article.UpdatedBy, article.Body, markdown.ToSafeHtml(article.Body), ArticleMarkdown.ToPlainText(article.Body),
            new ArticleVotes(votes.Count(v => v.Helpful), votes.Count(v => !v.Helpful), mine));
    }

    public async Task<IReadOnlyList<CategoryView>> CategoriesAsync(CancellationToken cancellationToken)
    {
        var counts = await (await VisibleAsync(cancellationToken)).Where(a => a.CategoryId != null).GroupBy(a => a.CategoryId)
            .Select(g => new { Id = g.Key!.Value, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, cancellationToken);
        var categories = await db.Set<KnowledgeCategory>().AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return [.. categories.Select(c => new CategoryView(c.Id, c.Name, counts.GetValueOrDefault(c.Id)))];
    }

    public Task<bool> CanEditAsync(CancellationToken cancellationToken) => permissions.IsGrantedAsync(ServicePermissions.KbEdit, cancellationToken);

    /// <summary>Who the current reader is for their vote: the user name, or <c>apikey:NAME</c>.</summary>
    public string Voter => user.UserName ?? "system";

    private async Task<IQueryable<KnowledgeArticle>> VisibleAsync(CancellationToken cancellationToken)
    {
        var all = db.Set<KnowledgeArticle>().AsNoTracking();
        return await CanEditAsync(cancellationToken) ? all : all.Where(a => a.IsPublished);
    }

    private IQueryable<KnowledgeSearchHit> Hits(IReadOnlyCollection<string> words)
    {
        var (sql, parameter) = new KnowledgeSearchSql(new ModuleNaming(ServiceDbContext.ModuleId, ModuleNaming.IsPostgres(db.Database.ProviderName))).Query(words);
        return db.Database.SqlQueryRaw<KnowledgeSearchHit>(sql, parameter);
    }

    private async Task<Dictionary<Guid, string>> CategoryNamesAsync(CancellationToken cancellationToken) =>
        await db.Set<KnowledgeCategory>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

    private static string? CategoryName(Dictionary<Guid, string> names, Guid? id) => id is { } known ? names.GetValueOrDefault(known) : null;
}
