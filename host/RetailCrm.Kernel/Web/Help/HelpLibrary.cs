using System.Globalization;
using System.Reflection;
using RetailCrm.Kernel.Modularity;

namespace RetailCrm.Kernel.Web.Help;

/// <summary>
/// Every help topic the Kernel and the running modules ship: Markdown files embedded as <c>help/{slug}.md</c> (English)
/// and <c>help/{slug}.{culture}.md</c> (e.g. <c>help/till-desk.zh-CN.md</c>). Read once, on first use.
/// </summary>
public sealed class HelpLibrary(ModuleCatalog catalog)
{
    /// <summary>The area of the Kernel's own topics (signing in, the home page, administration).</summary>
    public const string GeneralArea = "general";

    private const string Prefix = "help/";
    private const string DefaultCulture = "en";

    private readonly Lazy<IReadOnlyList<HelpTopic>> _all = new(() => Load(catalog));

    /// <summary>Every topic in every language.</summary>
    public IReadOnlyList<HelpTopic> All => _all.Value;

    /// <summary>The topics of the given areas, each once, in the culture asked for or the nearest one it has.</summary>
    public IReadOnlyList<HelpTopic> For(IReadOnlySet<string> areas, CultureInfo culture) =>
        [.. All.Where(t => areas.Contains(t.Area))
            .GroupBy(t => (t.Area, t.Slug))
            .Select(g => Nearest(g, culture))
            .OrderBy(t => t.Area == GeneralArea ? 0 : 1).ThenBy(t => t.Area, StringComparer.Ordinal).ThenBy(t => t.Order).ThenBy(t => t.Title, StringComparer.CurrentCulture)];

    private static HelpTopic Nearest(IEnumerable<HelpTopic> variants, CultureInfo culture)
    {
        var list = variants.ToList();
        return list.FirstOrDefault(t => t.Culture.Equals(culture.Name, StringComparison.OrdinalIgnoreCase))
            ?? list.FirstOrDefault(t => t.Culture.Equals(culture.TwoLetterISOLanguageName, StringComparison.OrdinalIgnoreCase)
                || t.Culture.StartsWith(culture.TwoLetterISOLanguageName + "-", StringComparison.OrdinalIgnoreCase))
            ?? list.FirstOrDefault(t => t.Culture == DefaultCulture)
            ?? list[0];
    }

    private static List<HelpTopic> Load(ModuleCatalog catalog)
    {
        var sources = catalog.Running.Select(m => (Area: m.Id, Assembly: m.Assembly!))
            .Prepend((Area: GeneralArea, Assembly: typeof(HelpLibrary).Assembly));
        return [.. sources.SelectMany(s => Read(s.Area, s.Assembly))];
    }

    private static IEnumerable<HelpTopic> Read(string area, Assembly assembly)
    {
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal)))
        {
            var (slug, culture) = SlugAndCulture(name[Prefix.Length..^".md".Length]);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return HelpMarkdown.Read(area, slug, culture, reader.ReadToEnd());
        }
    }

    /// <summary><c>till-desk.zh-CN</c> is the zh-CN text of <c>till-desk</c>; <c>till-desk</c> the English one.</summary>
    private static (string Slug, string Culture) SlugAndCulture(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0 ? (name[..dot], name[(dot + 1)..]) : (name, DefaultCulture);
    }
}
