using System.Reflection;
using RetailCrm.Sdk.Modularity;

namespace RetailCrm.Kernel.Modularity;

/// <summary>Load state of a module or plugin.</summary>
public enum ModuleLoadState
{
    Loaded,
    Failed,
}

/// <summary>A module or plugin present in this deployment, loaded or failed.</summary>
public sealed class InstalledModule(ModuleManifest manifest)
{
    public ModuleManifest Manifest { get; } = manifest;

    public string Id => Manifest.Id;

    public bool IsPlugin => Manifest.Kind == ModuleKind.Plugin;

    public Assembly? Assembly { get; internal set; }

    public CrmModule? Instance { get; internal set; }

    public ModuleLoadState State { get; private set; } = ModuleLoadState.Loaded;

    public string? Error { get; private set; }

    internal void Fail(string error)
    {
        State = ModuleLoadState.Failed;
        Error = error;
    }
}

/// <summary>Every installed module and plugin, modules in dependency order, then plugins.</summary>
public sealed class ModuleCatalog(IReadOnlyList<InstalledModule> all)
{
    public IReadOnlyList<InstalledModule> All { get; } = all;

    /// <summary>Modules and plugins that loaded and started.</summary>
    public IEnumerable<InstalledModule> Running => All.Where(m => m.State == ModuleLoadState.Loaded && m.Instance is not null);

    public InstalledModule? Find(string id) => All.FirstOrDefault(m => m.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The module whose assembly declares a type, or null for kernel and host types.</summary>
    public InstalledModule? OwnerOf(Type type) => All.FirstOrDefault(m => m.Assembly is not null && m.Assembly == type.Assembly);
}
