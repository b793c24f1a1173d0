using Semver;
using RetailCrm.Sdk.Modularity;

namespace RetailCrm.Kernel.Modularity;

/// <summary>
/// Checks the installed manifests as one graph before any assembly is loaded and orders them
/// so that every module comes after what it depends on.
/// </summary>
internal static class ModuleGraph
{
    /// <summary>The manifests in dependency order; throws <see cref="ModuleGraphException"/> naming every problem.</summary>
    public static IReadOnlyList<ModuleManifest> Order(IReadOnlyList<ModuleManifest> manifests, SemVersion sdkVersion)
    {
        var check = Check(manifests, sdkVersion);
        return check.Problems.Count > 0 ? throw new ModuleGraphException(check.Problems) : check.Ordered;
    }

    /// <summary>Every problem of the graph, and the manifests in dependency order (meaningful only without problems).</summary>
    public static ModuleGraphCheck Check(IReadOnlyList<ModuleManifest> manifests, SemVersion sdkVersion)
    {
        var problems = new List<Problem>();
        foreach (var duplicate in manifests.GroupBy(m => m.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(Duplicate(duplicate));
        }

        var byId = manifests
            .GroupBy(m => m.Id, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var manifest in manifests)
        {
            CheckOne(manifest, byId, sdkVersion, problems);
        }

        // Modules before plugins, each by id, so that the order is the same on every machine.
        var roots = byId.Values.OrderBy(m => m.Kind).ThenBy(m => m.Id, StringComparer.OrdinalIgnoreCase);
        var ordered = TopologicalOrder(roots, byId, problems);
        return new ModuleGraphCheck(ordered, [.. problems.Select(p => p.Public)]);
    }

    /// <summary>
    /// Checks the plugins against modules that already form a valid graph (see <see cref="Order"/>) and against each other.
    /// A problem fails only the plugins it concerns, and every plugin that depends on a failed plugin, directly or not;
    /// the others keep their place. Every plugin is returned, in dependency order.
    /// </summary>
    public static PluginGraph OrderPlugins(IReadOnlyList<ModuleManifest> modules, IReadOnlyList<ModuleManifest> plugins, SemVersion sdkVersion)
    {
        var problems = new List<Problem>();
        var modulesById = modules.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        var byId = new Dictionary<string, ModuleManifest>(modulesById, StringComparer.OrdinalIgnoreCase);
        foreach (var group in plugins.Where(p => !string.IsNullOrWhiteSpace(p.Id)).GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase))
        {
            if (modulesById.TryGetValue(group.Key, out var module))
            {
                // The module keeps its id: what depends on that id gets the module.
                problems.Add(new Problem(
                    $"'{group.Key}' in {string.Join(" and ", group.Select(p => p.Directory))} has the id of the installed module in {module.Directory}.",
                    [.. group]));
                continue;
            }

            if (group.Count() > 1)
            {
                problems.Add(Duplicate(group));
            }

            // A duplicated id still resolves, so that what depends on it fails as depending on a failed plugin.
            byId[group.Key] = group.First();
        }

        foreach (var plugin in plugins)
        {
            CheckOne(plugin, byId, sdkVersion, problems);
        }

        var pluginSet = plugins.ToHashSet(ReferenceEqualityComparer.Instance);
        var roots = plugins.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Directory, StringComparer.Ordinal);
        var ordered = TopologicalOrder(roots, byId, problems).Where(pluginSet.Contains).ToList();

        var reasons = new Dictionary<ModuleManifest, List<string>>(ReferenceEqualityComparer.Instance);
        foreach (var problem in problems)
        {
            foreach (var plugin in problem.Concerns.Where(pluginSet.Contains))
            {
                Reasons(reasons, plugin).Add(problem.Public.Message);
            }
        }

        // In dependency order a plugin comes after what it depends on, so one pass carries a failure to every dependant.
        foreach (var plugin in ordered.Where(p => !reasons.ContainsKey(p)))
        {
            foreach (var (dependencyId, rangeText) in plugin.DependsOn.OrderBy(d => d.Key, StringComparer.OrdinalIgnoreCase))
            {
                if (byId.TryGetValue(dependencyId, out var dependency) && reasons.ContainsKey(dependency))
                {
                    var message = $"'{plugin.Id}' depends on '{dependencyId}' {rangeText}, which failed.";
                    problems.Add(new Problem(message, [plugin]));
                    Reasons(reasons, plugin).Add(message);
                }
            }
        }

        return new PluginGraph(
            ordered,
            new Dictionary<ModuleManifest, IReadOnlyList<string>>(reasons.Select(r => KeyValuePair.Create(r.Key, (IReadOnlyList<string>)r.Value)), ReferenceEqualityComparer.Instance),
            [.. problems.Select(p => p.Public)]);
    }

    private static List<string> Reasons(Dictionary<ModuleManifest, List<string>> reasons, ModuleManifest plugin)
    {
        if (!reasons.TryGetValue(plugin, out var list))
        {
            reasons[plugin] = list = [];
        }

        return list;
    }

    private static Problem Duplicate(IGrouping<string, ModuleManifest> duplicate) =>
        new($"Duplicate id '{duplicate.Key}' in {string.Join(" and ", duplicate.Select(m => m.Directory))}.", [.. duplicate]);

    private static void CheckOne(ModuleManifest manifest, Dictionary<string, ModuleManifest> byId, SemVersion sdkVersion, List<Problem> problems)
    {
        var name = $"'{manifest.Id}'";
        void Add(string message) => problems.Add(new Problem(message, [manifest]));

        CheckManifest(manifest, sdkVersion).ForEach(Add);
        if (string.IsNullOrWhiteSpace(manifest.Id))
        {
            return;
        }

        foreach (var (dependencyId, rangeText) in manifest.DependsOn)
        {
            if (!byId.TryGetValue(dependencyId, out var dependency))
            {
                Add($"{name} depends on '{dependencyId}' {rangeText}, which is not installed.");
            }
            else if (!SemVersionRange.TryParseNpm(rangeText, out var range))
            {
                Add($"{name} depends on '{dependencyId}' with '{rangeText}', which is not a version range.");
            }
            else if (SemVersion.TryParse(dependency.Version, SemVersionStyles.Strict, out var installed) && !range.Contains(installed))
            {
                Add($"{name} depends on '{dependencyId}' {rangeText}, but {dependency.Version} is installed.");
            }
        }
    }

    /// <summary>What is wrong with a manifest on its own: id, version, Sdk range (also used to check a plugin archive).</summary>
    public static List<string> CheckManifest(ModuleManifest manifest, SemVersion sdkVersion)
    {
        var name = $"'{manifest.Id}'";
        if (string.IsNullOrWhiteSpace(manifest.Id))
        {
            return [$"The manifest in {manifest.Directory} has no id."];
        }

        var problems = new List<string>();
        if (!SemVersion.TryParse(manifest.Version, SemVersionStyles.Strict, out _))
        {
            problems.Add($"{name} has version '{manifest.Version}', which is not SemVer (e.g. 1.0.0).");
        }

        if (!SemVersionRange.TryParseNpm(manifest.Sdk, out var sdkRange))
        {
            problems.Add($"{name} asks for Sdk '{manifest.Sdk}', which is not a version range.");
        }
        else if (!sdkRange.Contains(sdkVersion))
        {
            problems.Add($"{name} needs Sdk {manifest.Sdk}, but this host has Sdk {sdkVersion}.");
        }

        return problems;
    }

    /// <summary>Depth first from each root in turn; a cycle is reported once, naming (and concerning) every member.</summary>
    private static List<ModuleManifest> TopologicalOrder(IEnumerable<ModuleManifest> roots, Dictionary<string, ModuleManifest> byId, List<Problem> problems)
    {
        var ordered = new List<ModuleManifest>();
        var state = new Dictionary<ModuleManifest, bool>(ReferenceEqualityComparer.Instance); // false = visiting, true = done
        var reportedCycles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Visit(ModuleManifest manifest, Stack<ModuleManifest> path)
        {
            if (state.TryGetValue(manifest, out var done))
            {
                if (!done)
                {
                    var members = path.Reverse().SkipWhile(m => !ReferenceEquals(m, manifest)).ToList();
                    var cycle = members.Select(m => m.Id).Append(manifest.Id).ToList();
                    if (reportedCycles.Add(string.Join(",", members.Select(m => m.Id).Order(StringComparer.OrdinalIgnoreCase))))
                    {
                        problems.Add(new Problem($"Dependency cycle: {string.Join(" -> ", cycle)}.", members));
                    }
                }

                return;
            }

            state[manifest] = false;
            path.Push(manifest);
            foreach (var dependencyId in manifest.DependsOn.Keys.Order(StringComparer.OrdinalIgnoreCase))
            {
                if (byId.TryGetValue(dependencyId, out var dependency))
                {
                    Visit(dependency, path);
                }
            }

            path.Pop();
            state[manifest] = true;
            ordered.Add(manifest);
        }

        foreach (var manifest in roots)
        {
            Visit(manifest, new Stack<ModuleManifest>());
        }

        return ordered;
    }

    /// <summary>A problem with the manifests it concerns, so that plugins can be failed one by one.</summary>
    private sealed record Problem(string Message, IReadOnlyList<ModuleManifest> Concerns)
    {
        public ModuleGraphProblem Public { get; } = new(Message, [.. Concerns.Select(m => m.Id).Distinct(StringComparer.OrdinalIgnoreCase)]);
    }
}

/// <summary>One problem of the module graph: what is wrong, and the ids of the modules or plugins it concerns.</summary>
/// <param name="Message">The problem in one sentence, naming the ids.</param>
/// <param name="ModuleIds">Every id concerned: one for most problems, every member of a cycle, the shared id of duplicates.</param>
public sealed record ModuleGraphProblem(string Message, IReadOnlyList<string> ModuleIds);

/// <summary>The outcome of <see cref="ModuleGraph.Check"/>.</summary>
internal sealed record ModuleGraphCheck(IReadOnlyList<ModuleManifest> Ordered, IReadOnlyList<ModuleGraphProblem> Problems);

/// <summary>
/// The outcome of <see cref="ModuleGraph.OrderPlugins"/>: every plugin in dependency order, the reasons of
/// those that must not be loaded (keyed by manifest, since duplicate ids fail each holder), and every problem.
/// </summary>
internal sealed record PluginGraph(
    IReadOnlyList<ModuleManifest> Ordered,
    IReadOnlyDictionary<ModuleManifest, IReadOnlyList<string>> Refused,
    IReadOnlyList<ModuleGraphProblem> Problems);

/// <summary>The installed modules do not form a valid graph; <see cref="Problems"/> names every problem.</summary>
public sealed class ModuleGraphException(IReadOnlyList<ModuleGraphProblem> details)
    : Exception("The installed modules cannot start:" + Environment.NewLine + string.Join(Environment.NewLine, details.Select(p => "  - " + p.Message)))
{
    /// <summary>Every problem as one sentence.</summary>
    public IReadOnlyList<string> Problems { get; } = [.. details.Select(p => p.Message)];

    /// <summary>Every problem with the ids it concerns.</summary>
    public IReadOnlyList<ModuleGraphProblem> Details { get; } = details;
}
