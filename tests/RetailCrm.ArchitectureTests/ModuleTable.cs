using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;

namespace RetailCrm.ArchitectureTests;

/// <summary>One module or plugin of the repository, as found on disk.</summary>
public sealed record ModuleProject(
    string Id,
    bool IsPlugin,
    string ProjectDirectory,
    string AssemblyName,
    string? ManifestPath,
    string? ContractsDirectory,
    string? ContractsAssemblyName)
{
    public string AssemblyPath => Repository.BuildOutput(ProjectDirectory, AssemblyName);

    public string? ContractsAssemblyPath => ContractsDirectory is null ? null : Repository.BuildOutput(ContractsDirectory, ContractsAssemblyName!);

    public override string ToString() => $"{(IsPlugin ? "plugin" : "module")} '{Id}' ({AssemblyName})";
}

/// <summary>
/// The one table every architecture test is generated from. It is read from the repository, so a new
/// module under modules/*/src/RetailCrm.Modules.* is checked without touching the tests.
/// </summary>
public static class ModuleTable
{
    /// <summary>Stands in for the rows of an empty table so that the theories fail instead of passing with no data.</summary>
    public const string Empty = "(no modules found)";

    private static readonly Lazy<IReadOnlyList<ModuleProject>> s_all = new(Scan);

    public static IReadOnlyList<ModuleProject> All => s_all.Value;

    /// <summary>Every module and plugin.</summary>
    public static TheoryData<string> Ids => Rows(All);

    /// <summary>Every module and plugin that has a Contracts project.</summary>
    public static TheoryData<string> IdsWithContracts => Rows(All.Where(m => m.ContractsDirectory is not null));

    public static ModuleProject Get(string id)
    {
        if (id == Empty || All.Count == 0)
        {
            throw new InvalidOperationException(
                $"The module table is empty: no modules/*/src/RetailCrm.Modules.*/ project and no tests/Samples/* project with a module.json or plugin.json was found under {Repository.Root}. The architecture rules would check nothing.");
        }

        return All.Single(m => m.Id == id);
    }

    private static TheoryData<string> Rows(IEnumerable<ModuleProject> modules)
    {
        var data = new TheoryData<string>();
        foreach (var module in modules)
        {
            data.Add(module.Id);
        }

        if (data.Count == 0)
        {
            data.Add(Empty);
        }

        return data;
    }

    private static List<ModuleProject> Scan()
    {
        var found = new List<ModuleProject>();
        var modulesRoot = Path.Combine(Repository.Root, "modules");
        if (Directory.Exists(modulesRoot))
        {
            // modules/Cards/src/RetailCrm.Modules.Cards (+ .Contracts); the manifest is modules/Cards/module.json.
            var projects = Directory.GetDirectories(modulesRoot)
                .Where(d => Directory.Exists(Path.Combine(d, "src")))
                .SelectMany(d => Directory.GetDirectories(Path.Combine(d, "src"), "RetailCrm.Modules.*"))
                .Where(d => !d.EndsWith(".Contracts", StringComparison.Ordinal) && HasProject(d));
            foreach (var project in projects)
            {
                var moduleRoot = Path.GetDirectoryName(Path.GetDirectoryName(project))!;
                var manifest = new[] { Path.Combine(moduleRoot, "module.json"), Path.Combine(project, "module.json") }.FirstOrDefault(File.Exists);
                found.Add(Describe(project, manifest, isPlugin: false));
            }
        }

        var samplesRoot = Path.Combine(Repository.Root, "tests", "Samples");
        if (Directory.Exists(samplesRoot))
        {
            foreach (var project in Directory.GetDirectories(samplesRoot).Where(HasProject))
            {
                if (File.Exists(Path.Combine(project, "module.json")))
                {
                    found.Add(Describe(project, Path.Combine(project, "module.json"), isPlugin: false));
                }
                else if (File.Exists(Path.Combine(project, "plugin.json")))
                {
                    found.Add(Describe(project, Path.Combine(project, "plugin.json"), isPlugin: true));
                }
            }
        }

        return found.OrderBy(m => m.IsPlugin).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
    }

    private static ModuleProject Describe(string project, string? manifest, bool isPlugin)
    {
        var name = Path.GetFileName(project);
        var contracts = project + ".Contracts";
        var id = manifest is null ? name : ReadId(manifest) ?? name;
        return HasProject(contracts)
            ? new ModuleProject(id, isPlugin, project, name, manifest, contracts, Path.GetFileName(contracts))
            : new ModuleProject(id, isPlugin, project, name, manifest, null, null);
    }

    private static string? ReadId(string manifest)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
    }

    private static bool HasProject(string directory) =>
        Directory.Exists(directory) && File.Exists(Path.Combine(directory, Path.GetFileName(directory) + ".csproj"));
}

/// <summary>Where the repository and the build outputs are, as the test project was built.</summary>
public static class Repository
{
    private static readonly ConcurrentDictionary<string, Assembly> s_loaded = new(StringComparer.Ordinal);

    static Repository() =>
        // A module built with a Private=false reference to another module's Contracts has no copy of them
        // beside it; in the host they come from the other module's folder, here from its build output.
        AssemblyLoadContext.Default.Resolving += (_, name) =>
            ModuleTable.All.FirstOrDefault(m => m.ContractsAssemblyName == name.Name)?.ContractsAssemblyPath is { } path && File.Exists(path)
                ? Load(path)
                : null;

    public static string Root { get; } = Metadata("RepoRoot").TrimEnd('/', '\\');

    public static string Configuration { get; } = Metadata("Configuration");

    public static string TargetFramework { get; } = Metadata("TargetFramework");

    public static string HostDirectory => Path.Combine(Root, "host", "RetailCrm.Host");

    public static string BuildOutput(string projectDirectory, string assemblyName) =>
        Path.Combine(projectDirectory, "bin", Configuration, TargetFramework, assemblyName + ".dll");

    /// <summary>
    /// Loads a built assembly (once). Its dependencies come from its own folder; the Sdk and EF Core
    /// are the test's own copies, as in the host.
    /// </summary>
    public static Assembly Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path} is not built. Build the architecture tests project ({Configuration}); it builds every module, sample and the host first.", path);
        }

        return s_loaded.GetOrAdd(Path.GetFullPath(path), Assembly.LoadFrom);
    }

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no {key} metadata.");
}
