using System.Text.Json;

namespace RetailCrm.ArchitectureTests;

/// <summary>
/// Modules meet only through Contracts and the Sdk; the Kernel and the Host know no module at compile time.
/// Every theory runs once per row of <see cref="ModuleTable"/>.
/// </summary>
public sealed class ModuleReferenceTests
{
    private const string Sdk = "RetailCrm.Sdk";
    private const string Kernel = "RetailCrm.Kernel";
    private const string Host = "RetailCrm.Host";

    private static readonly string[] s_contractsMayNotUse = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Autofac"];

    [Fact]
    public void Should_find_the_sample_modules_in_the_table()
    {
        var ids = ModuleTable.All.Select(m => m.Id).ToList();
        ids.ShouldNotBeEmpty($"No module or plugin was found under {Repository.Root}: the architecture rules would check nothing.");
        ids.ShouldContain("alpha");
        ids.ShouldContain("beta");
    }

    [Theory]
    [MemberData(nameof(ModuleTable.Ids), MemberType = typeof(ModuleTable))]
    public void Should_have_a_manifest(string id)
    {
        var module = ModuleTable.Get(id);
        module.ManifestPath.ShouldNotBeNull($"{module} has no {(module.IsPlugin ? "plugin.json" : "module.json")}.");
    }

    [Theory]
    [MemberData(nameof(ModuleTable.Ids), MemberType = typeof(ModuleTable))]
    public void Should_reference_only_the_sdk_contracts_and_packages(string id)
    {
        var module = ModuleTable.Get(id);
        var forbidden = FirstPartyReferences(module.AssemblyPath)
            .Where(name => name != Sdk && !IsContracts(name))
            .ToList();

        forbidden.ShouldBeEmpty(
            $"{module} references {string.Join(", ", forbidden)}. A module may reference the Sdk, its own and other modules' Contracts and NuGet packages; never {Kernel}, {Host}, a theme or another module's implementation.");
    }

    [Theory]
    [MemberData(nameof(ModuleTable.Ids), MemberType = typeof(ModuleTable))]
    public void Should_not_reference_another_modules_implementation(string id)
    {
        var module = ModuleTable.Get(id);
        var others = ModuleTable.All.Where(m => m != module).Select(m => m.AssemblyName).ToHashSet(StringComparer.Ordinal);
        var references = ReferencedNames(module.AssemblyPath).Where(others.Contains).ToList();

        references.ShouldBeEmpty($"{module} references the implementation of {string.Join(", ", references)}; reference its Contracts instead.");
    }

    [Theory]
    [MemberData(nameof(ModuleTable.IdsWithContracts), MemberType = typeof(ModuleTable))]
    public void Should_keep_contracts_free_of_ef_core_aspnet_and_autofac(string id)
    {
        var module = ModuleTable.Get(id);
        var path = module.ContractsAssemblyPath.ShouldNotBeNull();
        var references = ReferencedNames(path).ToList();

        var frameworks = references.Where(name => s_contractsMayNotUse.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))).ToList();
        frameworks.ShouldBeEmpty($"{module.ContractsAssemblyName} references {string.Join(", ", frameworks)}; Contracts are plain types over the Sdk.");

        var firstParty = references.Where(name => name.StartsWith("RetailCrm.", StringComparison.Ordinal) && name != Sdk && !IsContracts(name)).ToList();
        firstParty.ShouldBeEmpty($"{module.ContractsAssemblyName} references {string.Join(", ", firstParty)}; Contracts may reference only the Sdk and other Contracts.");
    }

    [Theory]
    [MemberData(nameof(ModuleTable.Ids), MemberType = typeof(ModuleTable))]
    public void Should_not_be_referenced_by_the_host_or_the_kernel(string id)
    {
        var module = ModuleTable.Get(id);
        string[] moduleAssemblies = module.ContractsAssemblyName is { } contracts ? [module.AssemblyName, contracts] : [module.AssemblyName];

        foreach (var (name, path) in new[] { (Host, HostAssemblyPath), (Kernel, KernelAssemblyPath) })
        {
            var references = ReferencedNames(path).Intersect(moduleAssemblies).ToList();
            references.ShouldBeEmpty($"{name} references {string.Join(", ", references)} of {module}; modules are loaded at run time only.");
        }
    }

    [Theory]
    [MemberData(nameof(ModuleTable.Ids), MemberType = typeof(ModuleTable))]
    public void Should_not_be_listed_in_the_hosts_deps_json(string id)
    {
        var module = ModuleTable.Get(id);
        var libraries = HostDependencies();

        libraries.ShouldNotContain(module.AssemblyName, $"{Host}.deps.json lists {module}: the host would load it as a compile-time dependency.");
        if (module.ContractsAssemblyName is { } contracts)
        {
            libraries.ShouldNotContain(contracts, $"{Host}.deps.json lists {contracts}.");
        }
    }

    [Fact]
    public void Should_keep_the_host_free_of_modules_and_themes()
    {
        var firstParty = FirstPartyReferences(HostAssemblyPath).Where(name => name is not (Kernel or Sdk)).ToList();
        firstParty.ShouldBeEmpty($"{Host} references {string.Join(", ", firstParty)}; it may reference only {Kernel} and {Sdk}.");

        var libraries = HostDependencies().Where(name => name.StartsWith("RetailCrm.", StringComparison.Ordinal) && name is not (Host or Kernel or Sdk)).ToList();
        libraries.ShouldBeEmpty($"{Host}.deps.json lists {string.Join(", ", libraries)}; modules and themes are loaded from bin/modules and bin/themes at run time.");
    }

    [Fact]
    public void Should_keep_the_sdk_free_of_the_kernel()
    {
        var firstParty = FirstPartyReferences(typeof(Sdk.Modularity.CrmModule).Assembly.Location).ToList();
        firstParty.ShouldBeEmpty($"{Sdk} references {string.Join(", ", firstParty)}; it is what plugins compile against and must not drag in {Kernel}.");
    }

    private static string HostAssemblyPath => Repository.BuildOutput(Repository.HostDirectory, Host);

    private static string KernelAssemblyPath => Repository.BuildOutput(Path.Combine(Repository.Root, "host", Kernel), Kernel);

    private static bool IsContracts(string assemblyName) => assemblyName.EndsWith(".Contracts", StringComparison.Ordinal);

    private static IEnumerable<string> ReferencedNames(string assemblyPath) =>
        Repository.Load(assemblyPath).GetReferencedAssemblies().Select(a => a.Name!);

    private static IEnumerable<string> FirstPartyReferences(string assemblyPath) =>
        ReferencedNames(assemblyPath).Where(name => name.StartsWith("RetailCrm.", StringComparison.Ordinal));

    /// <summary>The library names (without version) in the host's deps.json.</summary>
    private static List<string> HostDependencies()
    {
        var path = Path.ChangeExtension(HostAssemblyPath, ".deps.json");
        File.Exists(path).ShouldBeTrue($"{path} is missing; build the host first.");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var names = json.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name.Split('/')[0]).ToList();
        names.ShouldContain(Kernel, $"{path} does not list {Kernel}; the deps.json check would prove nothing.");
        return names;
    }
}
