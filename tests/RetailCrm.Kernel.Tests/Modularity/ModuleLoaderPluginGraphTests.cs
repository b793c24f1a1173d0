using Microsoft.Extensions.Logging.Abstractions;
using RetailCrm.Kernel.Modularity;

namespace RetailCrm.Kernel.Tests.Modularity;

/// <summary>
/// Plugins that depend on plugins, over the sample modules: each test builds a plugins folder of its own from
/// the built samples. In the samples collection, because the modules load into the shared default context.
/// </summary>
[Collection(SamplesCollectionDefinition.Name)]
public sealed class ModuleLoaderPluginGraphTests : IDisposable
{
    private readonly DirectoryInfo _plugins = Directory.CreateTempSubdirectory("retailcrm-plugin-graph-");

    public void Dispose() => _plugins.Delete(recursive: true);

    private static string ModulesPath => Path.Combine(SamplesFixture.Root, "modules");

    [Fact]
    public void Should_load_a_plugin_after_the_plugin_it_depends_on()
    {
        // The folder names sort the child first; the graph must not.
        Install("extra-plugins/child-plugin", "a-child");
        Install("plugins/json-plugin", "b-json");

        var catalog = Load();

        catalog.All.Where(m => m.IsPlugin).Select(m => m.Id).ShouldBe(["json-plugin", "child-plugin"]);
        catalog.All.Where(m => m.IsPlugin).ShouldAllBe(m => m.State == ModuleLoadState.Loaded);
        catalog.Find("child-plugin")!.Instance.ShouldNotBeNull().GetType().Name.ShouldBe("ChildPluginModule");
    }

    [Fact]
    public void Should_fail_two_plugins_with_one_id_and_the_plugin_that_depends_on_them_but_load_the_rest()
    {
        Install("plugins/json-plugin", "json-1");
        Install("plugins/json-plugin", "json-2");
        Install("extra-plugins/child-plugin", "child");
        Install("plugins/failing-plugin", "failing");

        var catalog = Load();

        var twins = catalog.All.Where(m => m.Id == "json-plugin").ToList();
        twins.Count.ShouldBe(2);
        twins.ShouldAllBe(m => m.State == ModuleLoadState.Failed && m.Assembly == null);
        twins[0].Error.ShouldBe($"Duplicate id 'json-plugin' in {Folder("json-1")} and {Folder("json-2")}.");
        var child = catalog.Find("child-plugin")!;
        child.State.ShouldBe(ModuleLoadState.Failed);
        child.Error.ShouldBe("'child-plugin' depends on 'json-plugin' ^0.3.0, which failed.");
        catalog.Find("failing-plugin")!.State.ShouldBe(ModuleLoadState.Loaded);
        catalog.All.Where(m => !m.IsPlugin).ShouldAllBe(m => m.State == ModuleLoadState.Loaded);
    }

    [Fact]
    public void Should_fail_a_plugin_that_takes_a_module_id_without_touching_the_module()
    {
        var folder = Install("plugins/failing-plugin", "impostor");
        File.WriteAllText(Path.Combine(folder, "plugin.json"), """{ "id": "alpha", "version": "1.0.0", "sdk": "^2.0.0" }""");

        var catalog = Load();

        var plugin = catalog.All.Single(m => m.IsPlugin);
        plugin.State.ShouldBe(ModuleLoadState.Failed);
        plugin.Error.ShouldBe($"'alpha' in {folder} has the id of the installed module in {Path.Combine(ModulesPath, "alpha")}.");
        catalog.All.Single(m => m.Id == "alpha" && !m.IsPlugin).State.ShouldBe(ModuleLoadState.Loaded);
    }

    [Fact]
    public void Should_skip_folders_whose_name_starts_with_a_dot()
    {
        Install("plugins/json-plugin", ".json-plugin.installing-123");

        Load().All.ShouldNotContain(m => m.IsPlugin);
    }

    private ModuleCatalog Load() => new ModuleLoader(NullLogger.Instance).Load(ModulesPath, _plugins.FullName);

    private string Folder(string name) => Path.Combine(_plugins.FullName, name);

    private string Install(string sample, string folderName)
    {
        var from = Path.Combine(SamplesFixture.Root, sample);
        var to = Folder(folderName);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }
}
