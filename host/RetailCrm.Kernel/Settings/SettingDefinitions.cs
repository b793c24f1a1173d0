using System.Globalization;
using RetailCrm.Kernel.Branding;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Kernel.Web;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Kernel.Settings;

/// <summary>Every setting declared by the kernel and the running modules.</summary>
public sealed class SettingDefinitions
{
    private readonly Dictionary<string, SettingDefinition> _byName = new(StringComparer.OrdinalIgnoreCase);

    public SettingDefinitions(IEnumerable<ISettingDefinitionProvider> providers, ModuleCatalog catalog)
    {
        foreach (var provider in providers)
        {
            provider.Define(new Context(this, catalog.OwnerOf(provider.GetType())?.Id ?? ""));
        }
    }

    public IReadOnlyCollection<SettingDefinition> All => _byName.Values;

    /// <summary>The kernel's settings and those of the modules a tenant has on, by name.</summary>
    public IEnumerable<SettingDefinition> VisibleFor(IReadOnlySet<string> enabledModules) =>
        All.Where(d => d.ModuleId.Length == 0 || enabledModules.Contains(d.ModuleId)).OrderBy(d => d.Name, StringComparer.Ordinal);

    public SettingDefinition Get(string name) =>
        _byName.GetValueOrDefault(name) ?? throw new SettingValidationException(name, $"No setting '{name}' is defined.");

    /// <summary>Throws <see cref="SettingValidationException"/> unless the value parses as the definition's type.</summary>
    public static void Validate(SettingDefinition definition, string value)
    {
        var valid = definition.Type switch
        {
            SettingType.Int => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            SettingType.Decimal => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
            SettingType.Bool => bool.TryParse(value, out _),
            SettingType.Choice => definition.Choices.Contains(value, StringComparer.Ordinal),
            _ => true,
        };
        if (!valid)
        {
            var expected = definition.Type == SettingType.Choice
                ? "one of " + string.Join(", ", definition.Choices)
                : "a value of type " + definition.Type.ToString().ToLowerInvariant();
            throw new SettingValidationException(definition.Name, $"'{value}' is not valid for {definition.Name}: expected {expected}.");
        }

        if (definition.Validator?.Invoke(value) is { } refusal)
        {
            throw new SettingValidationException(definition.Name, $"'{value}' is not valid for {definition.Name}: {refusal}");
        }
    }

    private sealed class Context(SettingDefinitions owner, string moduleId) : ISettingDefinitionContext
    {
        public SettingDefinition Add(SettingDefinition definition)
        {
            if (definition.DefaultValue is not null)
            {
                Validate(definition, definition.DefaultValue);
            }

            if (!owner._byName.TryAdd(definition.Name, definition))
            {
                throw new InvalidOperationException($"Setting '{definition.Name}' is declared twice.");
            }

            definition.ModuleId = moduleId;
            return definition;
        }
    }
}

/// <summary>The kernel's own settings.</summary>
internal sealed class KernelSettings(ThemeCatalog themes) : ISettingDefinitionProvider
{
    public const string Culture = "crm.ui.culture";
    public const string PageSize = "crm.ui.page-size";
    public const string ThemeBrandName = "crm.theme.brand-name";
    public const string ThemeColor = "crm.theme.primary-color";
    public const string ThemeName = "crm.theme.name";

    public void Define(ISettingDefinitionContext context)
    {
        context.Add(new SettingDefinition(Culture, SettingType.Choice, "en", "Language", "语言") { Choices = ["en", "zh-CN"], UserOverridable = true });
        context.Add(new SettingDefinition(PageSize, SettingType.Int, "25", "Rows per page", "每页行数") { UserOverridable = true });
        context.Add(new SettingDefinition(ThemeBrandName, SettingType.String, "RetailCrm", "Brand name", "品牌名称"));
        context.Add(new SettingDefinition(ThemeColor, SettingType.String, "#1f6feb", "Primary colour", "主色") { Validator = ColorRefusal });
        context.Add(new SettingDefinition(ThemeName, SettingType.Choice, ThemeCatalog.Default, "Theme", "主题") { Choices = themes.Names });
    }

    private static string? ColorRefusal(string value) =>
        BrandColor.Why(value) is { } why ? string.Format(CultureInfo.InvariantCulture, why.Template, [.. why.Arguments]) : null;
}
