using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Sdk.Templates;

namespace RetailCrm.Kernel.Templates;

/// <summary>Every template declared by the kernel and the running modules, with their embedded default texts.</summary>
internal sealed class TemplateCatalog
{
    /// <summary>The cultures a template has a text for: <c>en</c> is the culture-neutral file, the others are variants.</summary>
    public static readonly IReadOnlyList<string> Cultures = ["en", "zh-CN"];

    private readonly Dictionary<string, TemplateDefinition> _byKey = new(StringComparer.OrdinalIgnoreCase);

    public TemplateCatalog(IEnumerable<ITemplateDefinitionProvider> providers, ModuleCatalog catalog)
    {
        foreach (var provider in providers)
        {
            provider.Define(new Context(this, catalog.OwnerOf(provider.GetType())?.Id ?? KernelDbContext.ModuleId, provider.GetType().Assembly));
        }
    }

    public IReadOnlyCollection<TemplateDefinition> All => _byKey.Values;

    public TemplateDefinition? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The kernel's templates and those of the modules a tenant has on, by key.</summary>
    public IEnumerable<TemplateDefinition> VisibleFor(IReadOnlySet<string> enabledModules) =>
        All.Where(d => d.ModuleId == KernelDbContext.ModuleId || enabledModules.Contains(d.ModuleId)).OrderBy(d => d.Key, StringComparer.Ordinal);

    /// <summary><c>zh</c>, <c>zh-Hans</c> and <c>zh-CN</c> read Chinese; everything else English.</summary>
    public static string Normalize(string? culture) =>
        culture is not null && culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en";

    /// <summary>The module's text for a culture: its variant when it ships one, else the culture-neutral text.</summary>
    public static string DefaultText(TemplateDefinition definition, string culture) =>
        Read(definition, culture) ?? Read(definition, null)
        ?? throw new InvalidOperationException($"Template {definition.Key}: no Templates/{definition.FileName}.scriban is embedded.");

    /// <summary>Whether the module ships a text of its own for the culture (the neutral one counts as English).</summary>
    public static bool HasVariant(TemplateDefinition definition, string culture) =>
        culture == "en" || Read(definition, culture) is not null;

    private static string? Read(TemplateDefinition definition, string? culture)
    {
        var suffix = culture is null or "en" ? $".Templates.{definition.FileName}.scriban" : $".Templates.{definition.FileName}.{culture}.scriban";
        var assembly = definition.DefaultsAssembly!;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            return null;
        }

        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class Context(TemplateCatalog owner, string moduleId, System.Reflection.Assembly assembly) : ITemplateDefinitionContext
    {
        public TemplateDefinition Add(TemplateDefinition definition)
        {
            if (!definition.Key.StartsWith(moduleId + ".", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Template '{definition.Key}' must start with its module's id '{moduleId}.'.");
            }

            definition.ModuleId = moduleId;
            definition.DefaultsAssembly = assembly;
            _ = DefaultText(definition, "en");
            if (!owner._byKey.TryAdd(definition.Key, definition))
            {
                throw new InvalidOperationException($"Template '{definition.Key}' is declared twice.");
            }

            return definition;
        }
    }
}
