namespace RetailCrm.Kernel.Web.Help;

/// <summary>One help topic in one language, read from a Markdown file a module (or the Kernel) embeds.</summary>
/// <param name="Area">Who wrote it: the module's id, or <see cref="HelpLibrary.GeneralArea"/> for the Kernel's own.</param>
/// <param name="Slug">Its name in the URL, <c>/help/{area}/{slug}</c>: the file name without language and extension.</param>
/// <param name="Culture">The file's language: <c>en</c> or the suffix before <c>.md</c> (e.g. <c>zh-CN</c>).</param>
/// <param name="Title">The first <c># heading</c>; the slug when the file has none.</param>
/// <param name="Summary">The first paragraph as plain text, for the list of topics.</param>
/// <param name="Html">The whole file as HTML; raw HTML in the Markdown is escaped, never passed through.</param>
/// <param name="Text">The whole file as plain text, for the help's search.</param>
public sealed record HelpTopic(string Area, string Slug, string Culture, string Title, string Summary, string Html, string Text)
{
    /// <summary>The pages it explains (paths, matched as prefixes at a <c>/</c>), from the front matter's <c>pages:</c>.</summary>
    public IReadOnlyList<string> Pages { get; init; } = [];

    /// <summary>Where it stands among its area's topics, from the front matter's <c>order:</c>; 100 when not given.</summary>
    public int Order { get; init; } = 100;

    public string Url => $"/help/{Area}/{Slug}";

    /// <summary>How closely it explains the page: the length of its longest page that is the path or a folder of it, or 0.</summary>
    public int Explains(string path) =>
        Pages.Where(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)
                || (p != "/" && path.StartsWith(p.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.Length).DefaultIfEmpty(0).Max();
}
