using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Domain.Knowledge;

/// <summary>What an editor types for an article; each value may be missing, the rules refuse it at its field.</summary>
internal sealed record ArticleInput(string? Title, string? Body, string? Language, Guid? CategoryId, bool Published);

/// <summary>
/// An article of the knowledge base: Markdown in one language, on a category, published for agents or a draft for
/// editors. <see cref="SearchTitle"/> and <see cref="SearchBody"/> hold the words the search finds it by, segmented
/// by the application on every write (Chinese has no spaces between words, so the database cannot do it).
/// </summary>
internal sealed class KnowledgeArticle : ITenantOwned
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 100_000;

    private KnowledgeArticle()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid? CategoryId { get; private set; }

    public string Language { get; private set; } = ArticleLanguage.English;

    public string Title { get; private set; } = "";

    /// <summary>Markdown, as typed; rendered and sanitized each time it is shown.</summary>
    public string Body { get; private set; } = "";

    public bool IsPublished { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    /// <summary>The title's words, lower-cased, space-joined.</summary>
    public string SearchTitle { get; private set; } = "";

    /// <summary>The body's words (of its plain text), lower-cased, space-joined.</summary>
    public string SearchBody { get; private set; } = "";

    public static Result<KnowledgeArticle> Write(ArticleInput input, string author, DateTime now)
    {
        var article = new KnowledgeArticle { Id = Guid.NewGuid(), CreatedAt = now };
        return article.Change(input, author, now) is { } refused ? refused : article;
    }

    /// <summary>Takes the editor's values, or refuses them all with each field at fault and changes nothing.</summary>
    public Refusal? Change(ArticleInput input, string author, DateTime now)
    {
        var title = input.Title?.Trim() ?? "";
        var body = input.Body ?? "";
        var language = ArticleLanguage.Normalize(input.Language);
        var errors = new List<FieldRefusal>();
        if (title.Length is 0 or > MaxTitleLength)
        {
            errors.Add(new FieldRefusal("title", LocalizableText.Of("Give the article a title of 1 to {0} characters.", MaxTitleLength)));
        }

        if (body.Length > MaxBodyLength)
        {
            errors.Add(new FieldRefusal("body", LocalizableText.Of("Keep the article under {0} characters.", MaxBodyLength)));
        }

        if (language is null)
        {
            errors.Add(new FieldRefusal("language", LocalizableText.Of("Choose the article's language: en or zh-CN.")));
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid("service/kb-article-invalid", errors);
        }

        (Title, Body, Language, CategoryId, IsPublished, UpdatedAt, UpdatedBy) = (title, body, language!, input.CategoryId, input.Published, now, author);
        return null;
    }

    public void Index(string searchTitle, string searchBody) => (SearchTitle, SearchBody) = (searchTitle, searchBody);
}
