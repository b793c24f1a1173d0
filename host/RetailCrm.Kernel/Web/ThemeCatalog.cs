using System.Reflection;

namespace RetailCrm.Kernel.Web;

/// <summary>A theme loaded from the themes folder: its name (the assembly's, after <c>RetailCrm.Themes.</c>) and assembly.</summary>
internal sealed record LoadedTheme(string Name, Assembly Assembly);

/// <summary>
/// The loaded themes. Basic is the default and the fallback: another theme has only the views and assets it changes
/// (its views compiled under <c>/Themes/{Name}/</c>), and everything else comes from Basic.
/// </summary>
internal sealed class ThemeCatalog
{
    public const string Default = "Basic";
    private const string AssemblyPrefix = "RetailCrm.Themes.";

    public ThemeCatalog(IEnumerable<Assembly> assemblies) =>
        Themes = assemblies
            .Select(a => new LoadedTheme(NameOf(a), a))
            .OrderBy(t => t.Name != Default)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

    public IReadOnlyList<LoadedTheme> Themes { get; }

    /// <summary>The names a tenant may pick; Basic always, as it is the fallback even when no theme is loaded.</summary>
    public IReadOnlyList<string> Names => Themes.Select(t => t.Name).Prepend(Default).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The loaded theme of that name, else the default (a stored name whose theme was removed).</summary>
    public string Resolve(string? name) =>
        Themes.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))?.Name ?? Default;

    /// <summary>Where a theme's files are looked for: the theme itself, then Basic, then the others.</summary>
    public IEnumerable<Assembly> LookupOrder(string theme) =>
        Themes.OrderBy(t => t.Name == theme ? 0 : t.Name == Default ? 1 : 2).Select(t => t.Assembly);

    private static string NameOf(Assembly assembly)
    {
        var name = assembly.GetName().Name ?? "";
        return name.StartsWith(AssemblyPrefix, StringComparison.Ordinal) ? name[AssemblyPrefix.Length..] : name;
    }
}
