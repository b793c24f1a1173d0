namespace RetailCrm.Modules.Service.Application.Knowledge;

/// <summary>An article in a list or a search result; <see cref="Snippet"/> is HTML (encoded text, the searched words in <c>&lt;mark&gt;</c>).</summary>
internal sealed record ArticleSummary(
    Guid Id, string Title, string Language, Guid? CategoryId, string? CategoryName, bool IsPublished, DateTime UpdatedAt, string UpdatedBy,
    string Snippet, double? Score);

/// <summary>One article: its Markdown, the sanitized HTML a page shows, the plain text an agent pastes into a reply, and its votes.</summary>
internal sealed record ArticleDetails(
    Guid Id, string Title, string Language, Guid? CategoryId, string? CategoryName, bool IsPublished, DateTime CreatedAt, DateTime UpdatedAt,
    string UpdatedBy, string Body, string Html, string PlainText, ArticleVotes Votes);

/// <summary>How readers found an article, and the current reader's own vote (null when they have not voted).</summary>
internal sealed record ArticleVotes(int Helpful, int NotHelpful, bool? Mine);

internal sealed record CategoryView(Guid Id, string Name, int Articles);

/// <summary>What a search or a list asks for; every value may be missing.</summary>
internal sealed record ArticleQuery(string? Text = null, string? Language = null, Guid? CategoryId = null, int? Limit = null)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
}
