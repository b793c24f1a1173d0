using System.Collections.Frozen;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;

namespace RetailCrm.Themes.Basic;

/// <summary>
/// The Lucide icons (npm package <c>lucide-static</c>, its sprite embedded as <c>theme/icons.svg</c>) drawn inline as
/// SVG in the text's colour. Inline rather than <c>&lt;use href&gt;</c>: one request fewer and no flash of missing icons.
/// </summary>
public static class Icons
{
    private const string Fallback = "circle";
    private static readonly Lazy<FrozenDictionary<string, string>> s_symbols = new(Load);

    /// <summary>The icon as an <c>&lt;svg class="icon"&gt;</c>, hidden from screen readers; an unknown name draws a circle.</summary>
    public static IHtmlContent Svg(string? name, string? extraClass = null)
    {
        var symbols = s_symbols.Value;
        var body = name is not null && symbols.TryGetValue(name, out var found) ? found : symbols.GetValueOrDefault(Fallback, "");
        var classes = extraClass is null ? "icon" : "icon " + extraClass;
        return new HtmlString(
            $"<svg class=\"{classes}\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\" aria-hidden=\"true\" focusable=\"false\">{body}</svg>");
    }

    /// <summary>Whether the icon set has the name.</summary>
    public static bool Exists(string name) => s_symbols.Value.ContainsKey(name);

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(Icons).Assembly.GetManifestResourceStream("theme/icons.svg")
            ?? throw new InvalidOperationException("The theme was built without its icon sprite (theme/icons.svg).");
        XNamespace svg = "http://www.w3.org/2000/svg";
        return XDocument.Load(stream).Descendants(svg + "symbol").ToFrozenDictionary(
            s => (string)s.Attribute("id")!,
            s => string.Concat(s.Elements().Select(e => e.ToString(SaveOptions.DisableFormatting).Replace(" xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal))),
            StringComparer.Ordinal);
    }
}
