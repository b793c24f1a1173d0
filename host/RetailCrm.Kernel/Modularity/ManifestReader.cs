using System.Text.Json;
using RetailCrm.Sdk.Modularity;

namespace RetailCrm.Kernel.Modularity;

/// <summary>Reads <c>module.json</c> and <c>plugin.json</c> files.</summary>
internal static class ManifestReader
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads a manifest file; throws <see cref="JsonException"/> with the reason when it is malformed.</summary>
    public static ModuleManifest Read(string path)
    {
        var manifest = JsonSerializer.Deserialize<ModuleManifest>(File.ReadAllText(path), JsonOptions)
            ?? throw new JsonException($"{path} is empty");
        manifest.Directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        manifest.Kind = Path.GetFileName(path).Equals("plugin.json", StringComparison.OrdinalIgnoreCase)
            ? ModuleKind.Plugin
            : ModuleKind.Module;
        return manifest;
    }
}
