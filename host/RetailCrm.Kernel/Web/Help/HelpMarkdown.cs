using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RetailCrm.Kernel.Web.Help;

/// <summary>
/// Reads one help file: an optional front matter (<c>pages:</c> the paths it explains, space-separated;
/// <c>order:</c> its place), a <c># title</c>, a first paragraph that summarises it, and the rest.
/// </summary>
internal static class HelpMarkdown
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoIdentifiers()
        .UseTaskLists()
        .DisableHtml()
        .Build();

    public static HelpTopic Read(string area, string slug, string culture, string markdown)
    {
        var document = Markdown.Parse(markdown, s_pipeline);
        var front = FrontMatter(document);
        var title = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1) is { Inline: { } heading } ? PlainText(heading) : slug;
        var summary = document.Descendants<ParagraphBlock>().FirstOrDefault() is { Inline: { } first } ? WithoutKeys(PlainText(first)) : "";
        return new HelpTopic(area, slug, culture, title, summary, WithKeys(document.ToHtml(s_pipeline)), WithoutKeys(Markdown.ToPlainText(markdown, s_pipeline)))
        {
            Pages = front.TryGetValue("pages", out var pages) ? pages.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [],
            Order = front.TryGetValue("order", out var order) && int.TryParse(order, out var place) ? place : 100,
        };
    }

    // Raw HTML is escaped (DisableHtml), except <kbd>: the help names keys all the time, and a key cap carries no risk.
    private static string WithKeys(string html) =>
        html.Replace("&lt;kbd&gt;", "<kbd>", StringComparison.Ordinal).Replace("&lt;/kbd&gt;", "</kbd>", StringComparison.Ordinal);

    private static string WithoutKeys(string text) =>
        text.Replace("<kbd>", "", StringComparison.Ordinal).Replace("</kbd>", "", StringComparison.Ordinal);

    private static Dictionary<string, string> FrontMatter(MarkdownDocument document)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (document.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is not { } block)
        {
            return values;
        }

        foreach (var line in block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                values[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return values;
    }

    private static string PlainText(ContainerInline inline) =>
        string.Concat(inline.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            LineBreakInline => " ",
            _ => "",
        })).Trim();
}
