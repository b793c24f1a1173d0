using System.Reflection;
using System.Runtime.Loader;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Logging;
using Semver;
using RetailCrm.Sdk.Modularity;

namespace RetailCrm.Kernel.Modularity;

/// <summary>
/// Finds the manifests in the modules and plugins folders, checks the graph, then loads the
/// assemblies: modules into the default load context, each plugin into a load context of its own
/// that shares only the Sdk, EF Core and the modules' Contracts with the host.
/// </summary>
internal sealed class ModuleLoader(ILogger logger)
{
    public static readonly SemVersion SdkVersion = SemVersion.Parse(
        typeof(CrmModule).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "1.0.0",
        SemVersionStyles.Strict);

    // One handler for the process: several hosts in one process (tests) share the default load context.
    private static readonly List<AssemblyDependencyResolver> ModuleResolvers = [];

    static ModuleLoader()
    {
        AssemblyLoadContext.Default.Resolving += ResolveFromModuleFolders;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += ResolveNativeFromModuleFolders;
    }

    public ModuleCatalog Load(string modulesPath, string pluginsPath)
    {
        var modules = ReadManifests(modulesPath, "module.json");
        var ordered = ModuleGraph.Order(modules, SdkVersion);

        var installed = ordered.Select(m => new InstalledModule(m)).ToList();
        foreach (var module in installed)
        {
            module.Assembly = LoadIntoDefaultContext(MainAssemblyPath(module.Manifest));
            module.Instance = CreateModule(module);
        }

        var (plugins, unreadable) = ReadPluginManifests(pluginsPath);
        installed.AddRange(unreadable);
        installed.AddRange(LoadPlugins(ordered, plugins));
        return new ModuleCatalog(installed);
    }

    /// <summary>
    /// The plugins in dependency order: those the graph refuses fail with their reasons without loading any
    /// assembly, and so does a plugin whose plugin dependency failed to load; the others load one by one.
    /// </summary>
    private List<InstalledModule> LoadPlugins(IReadOnlyList<ModuleManifest> modules, List<ModuleManifest> plugins)
    {
        var graph = ModuleGraph.OrderPlugins(modules, plugins, SdkVersion);
        var loaded = new List<InstalledModule>();
        var byId = new Dictionary<string, InstalledModule>(StringComparer.OrdinalIgnoreCase);
        foreach (var plugin in graph.Ordered)
        {
            var installed = new InstalledModule(plugin);
            var failedDependencies = plugin.DependsOn.Keys
                .Where(id => byId.TryGetValue(id, out var dependency) && dependency.State == ModuleLoadState.Failed)
                .Order(StringComparer.OrdinalIgnoreCase)
                .Select(id => $"'{plugin.Id}' depends on '{id}' {plugin.DependsOn[id]}, which failed.")
                .ToList();
            if (graph.Refused.TryGetValue(plugin, out var reasons) || failedDependencies.Count > 0)
            {
                var reason = string.Join(" ", reasons ?? failedDependencies);
                installed.Fail(reason);
                logger.LogError("Plugin {PluginId} in {Directory} is refused and not loaded: {Reason}", plugin.Id, plugin.Directory, reason);
            }
            else
            {
                // The graph has already failed what depends on a refused plugin; what it passed may still fail to load.
                LoadPlugin(installed);
                byId[plugin.Id] = installed;
            }

            loaded.Add(installed);
        }

        return loaded;
    }

    /// <summary>Each plugin manifest on its own: one that cannot be read becomes a failed plugin named after its folder.</summary>
    private (List<ModuleManifest> Plugins, List<InstalledModule> Unreadable) ReadPluginManifests(string pluginsPath)
    {
        var plugins = new List<ModuleManifest>();
        var unreadable = new List<InstalledModule>();
        if (!Directory.Exists(pluginsPath))
        {
            return (plugins, unreadable);
        }

        foreach (var file in ManifestFiles(pluginsPath, "plugin.json"))
        {
            try
            {
                plugins.Add(ManifestReader.Read(file));
            }
            catch (System.Text.Json.JsonException e)
            {
                var folder = Path.GetDirectoryName(file)!;
                var failed = new InstalledModule(new ModuleManifest { Id = Path.GetFileName(folder), Kind = ModuleKind.Plugin, Directory = folder });
                failed.Fail($"{file} is not a valid manifest: {e.Message}");
                logger.LogError("Plugin manifest {File} could not be read and is skipped: {Error}", file, e.Message);
                unreadable.Add(failed);
            }
        }

        return (plugins, unreadable);
    }

    private void LoadPlugin(InstalledModule installed)
    {
        var plugin = installed.Manifest;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(
                MainAssemblyPath(plugin),
                isUnloadable: false,
                sharedTypes: [typeof(CrmModule), typeof(Microsoft.EntityFrameworkCore.DbContext), typeof(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions)],
                configure: config =>
                {
                    config.PreferSharedTypes = false;
                    foreach (var contracts in SharedContractAssemblies())
                    {
                        config.SharedAssemblies.Add(contracts.GetName());
                    }
                });
            installed.Assembly = loader.LoadDefaultAssembly();
            installed.Instance = CreateModule(installed);
        }
        catch (Exception e)
        {
            var reason = $"{e.GetType().Name}: {e.Message}";
            installed.Fail(reason);
            logger.LogError(e, "Plugin {PluginId} failed to load and is skipped: {Reason}", plugin.Id, reason);
        }
    }

    private static IEnumerable<Assembly> SharedContractAssemblies() =>
        AssemblyLoadContext.Default.Assemblies.Where(a => a.GetName().Name?.EndsWith(".Contracts", StringComparison.Ordinal) == true);

    private static CrmModule CreateModule(InstalledModule module)
    {
        var types = module.Assembly!.GetTypes().Where(t => t is { IsAbstract: false, IsClass: true } && typeof(CrmModule).IsAssignableFrom(t)).ToList();
        if (types.Count != 1)
        {
            throw new InvalidOperationException($"'{module.Id}' must declare exactly one CrmModule class in {module.Assembly!.GetName().Name}; found {types.Count}.");
        }

        var instance = (CrmModule)Activator.CreateInstance(types[0])!;
        instance.Manifest = module.Manifest;
        return instance;
    }

    private static List<ModuleManifest> ReadManifests(string root, string fileName)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var manifests = new List<ModuleManifest>();
        var problems = new List<ModuleGraphProblem>();
        foreach (var file in ManifestFiles(root, fileName))
        {
            try
            {
                manifests.Add(ManifestReader.Read(file));
            }
            catch (System.Text.Json.JsonException e)
            {
                problems.Add(new ModuleGraphProblem($"{file} is not a valid manifest: {e.Message}", [Path.GetFileName(Path.GetDirectoryName(file)!)]));
            }
        }

        return problems.Count > 0 ? throw new ModuleGraphException(problems) : manifests;
    }

    /// <summary>
    /// The manifest of each folder, by folder name. Folders whose name starts with a dot are skipped: that is where
    /// <see cref="PluginPackage"/> extracts an archive before moving it into place.
    /// </summary>
    internal static IEnumerable<string> ManifestFiles(string root, string fileName) =>
        Directory.EnumerateDirectories(root)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, fileName))
            .Where(File.Exists);

    /// <summary>The manifest's <c>assembly</c>, or the project whose deps.json sits beside it.</summary>
    private static string MainAssemblyPath(ModuleManifest manifest)
    {
        if (manifest.Assembly is { } named)
        {
            return Path.Combine(manifest.Directory, named);
        }

        var deps = Directory.GetFiles(manifest.Directory, "*.deps.json");
        return deps.Length == 1
            ? Path.Combine(manifest.Directory, Path.GetFileName(deps[0])[..^".deps.json".Length] + ".dll")
            : throw new InvalidOperationException($"'{manifest.Id}': name the main assembly in the manifest ('assembly'); {manifest.Directory} has {deps.Length} deps.json files.");
    }

    private static Assembly LoadIntoDefaultContext(string path)
    {
        lock (ModuleResolvers)
        {
            ModuleResolvers.Add(new AssemblyDependencyResolver(path));
        }

        var name = AssemblyName.GetAssemblyName(path);
        return AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name) && a.GetName().Name == name.Name)
            ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }

    /// <summary>The modules' resolvers as they are now (a host in another test may be adding one).</summary>
    private static AssemblyDependencyResolver[] Resolvers()
    {
        lock (ModuleResolvers)
        {
            return [.. ModuleResolvers];
        }
    }

    private static Assembly? ResolveFromModuleFolders(AssemblyLoadContext context, AssemblyName name)
    {
        foreach (var resolver in Resolvers())
        {
            if (resolver.ResolveAssemblyToPath(name) is { } path)
            {
                return context.LoadFromAssemblyPath(path);
            }
        }

        return null;
    }

    /// <summary>A module's native library (DuckDB's engine, say) is found under its own runtimes folder, as its deps.json names it.</summary>
    private static IntPtr ResolveNativeFromModuleFolders(Assembly assembly, string name)
    {
        foreach (var resolver in Resolvers())
        {
            if (resolver.ResolveUnmanagedDllToPath(name) is { } path)
            {
                return System.Runtime.InteropServices.NativeLibrary.Load(path);
            }
        }

        return IntPtr.Zero;
    }
}
