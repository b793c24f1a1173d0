using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace RetailCrm.Kernel.Localization;

/// <summary>
/// Strings from JSON files embedded in each assembly as <c>Resources/{culture}.json</c>
/// (<c>en.json</c>, <c>zh-CN.json</c>) or per feature as <c>Resources/{Feature}.{culture}.json</c>:
/// flat objects of key to text, merged per assembly and culture. Works the same for modules and
/// plugins loaded at run time, which satellite assemblies do not.
/// </summary>
internal sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<(Assembly, string), IReadOnlyDictionary<string, string>> _tables = new();

    public IStringLocalizer Create(Type resourceSource) => Create(resourceSource.Assembly);

    /// <summary>The strings of one assembly (a module's, the kernel's, the host's).</summary>
    public IStringLocalizer Create(Assembly assembly) => new JsonStringLocalizer(this, assembly);

    public IStringLocalizer Create(string baseName, string location) =>
        new JsonStringLocalizer(this, LoadedAssemblies.ByName(location) ?? typeof(JsonStringLocalizerFactory).Assembly);

    internal IReadOnlyDictionary<string, string> Table(Assembly assembly, string culture) =>
        _tables.GetOrAdd((assembly, culture), key => Load(key.Item1, key.Item2));

    private static Dictionary<string, string> Load(Assembly assembly, string culture)
    {
        var table = new Dictionary<string, string>();
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Resources.", StringComparison.Ordinal) && n.EndsWith($".{culture}.json", StringComparison.OrdinalIgnoreCase)
                && !n.EndsWith($"-{culture}.json", StringComparison.OrdinalIgnoreCase));
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, text) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
            {
                table[key] = text;
            }
        }

        return table;
    }
}

internal sealed class JsonStringLocalizer(JsonStringLocalizerFactory factory, Assembly assembly) : IStringLocalizer
{
    public LocalizedString this[string name] => Find(name) is { } text ? new(name, text) : new(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments] =>
        this[name] is var found ? new(name, string.Format(CultureInfo.CurrentCulture, found.Value, arguments), found.ResourceNotFound) : found;

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        factory.Table(assembly, CultureInfo.CurrentUICulture.Name).Select(kv => new LocalizedString(kv.Key, kv.Value));

    private string? Find(string name)
    {
        for (var culture = CultureInfo.CurrentUICulture; !string.IsNullOrEmpty(culture.Name); culture = culture.Parent)
        {
            if (factory.Table(assembly, culture.Name).TryGetValue(name, out var text))
            {
                return text;
            }
        }

        return factory.Table(assembly, "en").GetValueOrDefault(name);
    }
}
