using System.Text.Json.Serialization;

namespace RetailCrm.Sdk.Modularity;

/// <summary>Whether a manifest describes a first-party module or a customer plugin.</summary>
public enum ModuleKind
{
    /// <summary>A first-party module (<c>module.json</c>), loaded into the default load context.</summary>
    Module,

    /// <summary>A customer plugin (<c>plugin.json</c>), loaded into a load context of its own.</summary>
    Plugin,
}

/// <summary>
/// The contents of a <c>module.json</c> or <c>plugin.json</c>. The kernel reads every manifest before any
/// assembly is loaded, so that the dependency graph can be checked first.
/// </summary>
public sealed class ModuleManifest
{
    /// <summary>Unique id, lower case, e.g. <c>members</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>SemVer version of the module, e.g. <c>1.2.0</c>.</summary>
    public string Version { get; init; } = "";

    /// <summary>Range of Sdk versions the module was built for, npm syntax, e.g. <c>^1.0.0</c>.</summary>
    public string Sdk { get; init; } = "*";

    /// <summary>Module ids this module needs, each with a version range (npm syntax).</summary>
    public Dictionary<string, string> DependsOn { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Display name per culture (<c>en</c>, <c>zh-CN</c>).</summary>
    public Dictionary<string, string> DisplayName { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Description per culture (<c>en</c>, <c>zh-CN</c>).</summary>
    public Dictionary<string, string> Description { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>File name of the main assembly; defaults to the only <c>RetailCrm.*.dll</c> beside the manifest.</summary>
    public string? Assembly { get; init; }

    /// <summary>Module or plugin; set from the manifest's file name.</summary>
    [JsonIgnore]
    public ModuleKind Kind { get; set; }

    /// <summary>Folder the manifest was read from.</summary>
    [JsonIgnore]
    public string Directory { get; set; } = "";

    /// <summary>The display name for a culture, falling back to English, then the id.</summary>
    public string DisplayNameFor(string culture) => Localized(DisplayName, culture) ?? Id;

    /// <summary>The description for a culture, falling back to English.</summary>
    public string DescriptionFor(string culture) => Localized(Description, culture) ?? "";

    private static string? Localized(Dictionary<string, string> values, string culture) =>
        values.TryGetValue(culture, out var exact) ? exact
        : values.TryGetValue(culture.Split('-')[0], out var language) ? language
        : values.TryGetValue("en", out var english) ? english
        : null;
}
