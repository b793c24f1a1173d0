using Microsoft.Extensions.Logging.Abstractions;
using RetailCrm.Kernel.Modularity;

namespace RetailCrm.Kernel.Tests.Modularity;

/// <summary>Broken module folders: the loader refuses them before it loads any assembly.</summary>
public sealed class ModuleLoaderRefusalTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("retailcrm-kernel-tests-");

    private string ModulesPath => Path.Combine(_root.FullName, "modules");

    private string PluginsPath => Path.Combine(_root.FullName, "plugins");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Should_refuse_a_module_whose_dependency_is_missing_before_loading_any_assembly()
    {
        // A real assembly that nothing else in this test run loads: broken-plugin's, installed here as a module.
        var orphan = InstallModule("orphan", """{ "id": "orphan", "version": "1.0.0", "sdk": "^2.0.0", "dependsOn": { "missing": "^2.0.0" } }""");
        CopySample("plugins/broken-plugin", orphan);

        var e = Should.Throw<ModuleGraphException>(() => new ModuleLoader(NullLogger.Instance).Load(ModulesPath, PluginsPath));

        e.Problems.ShouldBe(["'orphan' depends on 'missing' ^2.0.0, which is not installed."]);
        e.Message.ShouldContain("'orphan' depends on 'missing' ^2.0.0, which is not installed.");
        AppDomain.CurrentDomain.GetAssemblies().ShouldNotContain(a => a.GetName().Name == "RetailCrm.Samples.BrokenPlugin");
    }

    [Fact]
    public void Should_name_every_broken_module_folder_at_once()
    {
        InstallModule("first", """{ "id": "first", "version": "1.0.0", "sdk": "^7.0.0" }""");
        InstallModule("second", """{ "id": "second", "version": "1.0.0", "dependsOn": { "first": "^2.0.0" } }""");

        var e = Should.Throw<ModuleGraphException>(() => new ModuleLoader(NullLogger.Instance).Load(ModulesPath, PluginsPath));

        e.Problems.Count.ShouldBe(2);
        e.Problems.ShouldContain(p => p.StartsWith("'first' needs Sdk ^7.0.0", StringComparison.Ordinal));
        e.Problems.ShouldContain("'second' depends on 'first' ^2.0.0, but 1.0.0 is installed.");
    }

    [Fact]
    public void Should_refuse_a_malformed_module_manifest_naming_its_file()
    {
        var folder = InstallModule("garbled", """{ "id": "garbled", "version": """);

        var e = Should.Throw<ModuleGraphException>(() => new ModuleLoader(NullLogger.Instance).Load(ModulesPath, PluginsPath));

        e.Problems.ShouldHaveSingleItem().ShouldStartWith($"{Path.Combine(folder, "module.json")} is not a valid manifest");
    }

    [Fact]
    public void Should_load_nothing_from_folders_that_do_not_exist()
    {
        var catalog = new ModuleLoader(NullLogger.Instance).Load(ModulesPath, PluginsPath);

        catalog.All.ShouldBeEmpty();
    }

    private string InstallModule(string folderName, string manifest)
    {
        var folder = Path.Combine(ModulesPath, folderName);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "module.json"), manifest);
        return folder;
    }

    private static void CopySample(string sample, string into)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(SamplesFixture.Root, sample)).Where(f => !f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".deps.json", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(into, Path.GetFileName(file)));
        }
    }
}
