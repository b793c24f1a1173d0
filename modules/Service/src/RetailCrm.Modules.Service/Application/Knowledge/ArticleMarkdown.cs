using Ganss.Xss;
using Markdig;

namespace RetailCrm.Modules.Service.Application.Knowledge;

/// <summary>
/// Turns an article's Markdown into the HTML a page shows, and into the plain text the search and snippets read.
/// Editors may write HTML inside Markdown (a table, a line break), so everything rendered goes through the
/// sanitizer: scripts, event handlers (<c>onclick</c>), <c>javascript:</c> links and styles never reach a page.
/// </summary>
internal sealed class ArticleMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras().UseAutoLinks().UseTaskLists().Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToSafeHtml(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        return sanitizer;
    }
}
