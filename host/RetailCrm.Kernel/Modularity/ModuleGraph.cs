using Semver;
using RetailCrm.Sdk.Modularity;

namespace RetailCrm.Kernel.Modularity;

/// <summary>
/// Checks the installed manifests as one graph before any assembly is loaded and orders them
/// so that every module comes after what it depends on.
/// </summary>
internal static class ModuleGraph
{
    public static IReadOnlyList<ModuleManifest> Order(IReadOnlyList<ModuleManifest> manifests, SemVersion sdkVersion)
    {
        var problems = new List<string>();
        foreach (var duplicate in manifests.GroupBy(m => m.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Duplicate id '{duplicate.Key}' in {string.Join(" and ", duplicate.Select(m => m.Directory))}.");
        }

        var byId = manifests
            .GroupBy(m => m.Id, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var manifest in manifests)
        {
            CheckOne(manifest, byId, sdkVersion, problems);
        }

        var ordered = TopologicalOrder(byId, problems);
        if (problems.Count > 0)
        {
            throw new ModuleGraphException(problems);
        }

        return ordered;
    }

    private static void CheckOne(ModuleManifest manifest, Dictionary<string, ModuleManifest> byId, SemVersion sdkVersion, List<string> problems)
    {
        var name = $"'{manifest.Id}'";
        if (string.IsNullOrWhiteSpace(manifest.Id))
        {
            problems.Add($"The manifest in {manifest.Directory} has no id.");
            return;
        }

        if (!SemVersion.TryParse(manifest.Version, SemVersionStyles.Strict, out var version))
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

        foreach (var (dependencyId, rangeText) in manifest.DependsOn)
        {
            if (!byId.TryGetValue(dependencyId, out var dependency))
            {
                problems.Add($"{name} depends on '{dependencyId}' {rangeText}, which is not installed.");
            }
            else if (!SemVersionRange.TryParseNpm(rangeText, out var range))
            {
                problems.Add($"{name} depends on '{dependencyId}' with '{rangeText}', which is not a version range.");
            }
            else if (SemVersion.TryParse(dependency.Version, SemVersionStyles.Strict, out var installed) && !range.Contains(installed))
            {
                problems.Add($"{name} depends on '{dependencyId}' {rangeText}, but {dependency.Version} is installed.");
            }
        }

        _ = version;
    }

    private static List<ModuleManifest> TopologicalOrder(Dictionary<string, ModuleManifest> byId, List<string> problems)
    {
        var ordered = new List<ModuleManifest>();
        var state = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase); // false = visiting, true = done
        var reportedCycles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Visit(ModuleManifest manifest, Stack<string> path)
        {
            if (state.TryGetValue(manifest.Id, out var done))
            {
                if (!done)
                {
                    var cycle = path.Reverse().SkipWhile(id => !id.Equals(manifest.Id, StringComparison.OrdinalIgnoreCase)).Append(manifest.Id).ToList();
                    if (reportedCycles.Add(string.Join(",", cycle.Order(StringComparer.OrdinalIgnoreCase))))
                    {
                        problems.Add($"Dependency cycle: {string.Join(" -> ", cycle)}.");
                    }
                }

                return;
            }

            state[manifest.Id] = false;
            path.Push(manifest.Id);
            foreach (var dependencyId in manifest.DependsOn.Keys.Order(StringComparer.OrdinalIgnoreCase))
            {
                if (byId.TryGetValue(dependencyId, out var dependency))
                {
                    Visit(dependency, path);
                }
            }

            path.Pop();
            state[manifest.Id] = true;
            ordered.Add(manifest);
        }

        // Modules before plugins, each by id, so that the order is the same on every machine.
        foreach (var manifest in byId.Values.OrderBy(m => m.Kind).ThenBy(m => m.Id, StringComparer.OrdinalIgnoreCase))
        {
            Visit(manifest, new Stack<string>());
        }

        return ordered;
    }
}

/// <summary>The installed modules do not form a valid graph; <see cref="Problems"/> names every problem.</summary>
public sealed class ModuleGraphException(IReadOnlyList<string> problems)
    : Exception("The installed modules cannot start:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
