using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using RetailCrm.Kernel.Modularity;

namespace RetailCrm.Kernel.Tests.Modularity;

/// <summary>
/// Plugin archives: packed from a built plugin, checked whole, installed only when every check passes.
/// In the samples collection, because the good install is then loaded over the sample modules.
/// </summary>
[Collection(SamplesCollectionDefinition.Name)]
public sealed class PluginPackageTests : IDisposable
{
    private const string GoodManifest = """{ "id": "packed", "version": "1.0.0", "sdk": "^2.0.0" }""";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("retailcrm-plugin-package-");

    public void Dispose() => _root.Delete(recursive: true);

    private static string ModulesPath => Path.Combine(SamplesFixture.Root, "modules");

    private string PluginsPath => Path.Combine(_root.FullName, "plugins");

    [Fact]
    public void Should_pack_a_plugin_folder_with_a_checksum_for_every_other_entry()
    {
        var archive = Pack(Path.Combine(SamplesFixture.Root, "plugins", "json-plugin"));

        using var zip = ZipFile.OpenRead(archive);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        names.ShouldContain("plugin.json");
        names.ShouldContain("RetailCrm.Samples.JsonPlugin.dll");
        names.ShouldContain("Newtonsoft.Json.dll");
        names[^1].ShouldBe("checksums.sha256");
        var lines = ReadEntry(zip, "checksums.sha256").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Select(l => l[66..]).ShouldBe(names.Where(n => n != "checksums.sha256").ToList());
        lines.ShouldContain($"{Sha256(File.ReadAllBytes(Path.Combine(SamplesFixture.Root, "plugins", "json-plugin", "plugin.json")))}  plugin.json");
    }

    [Fact]
    public void Should_install_a_packaged_plugin_that_the_loader_then_loads()
    {
        var archive = Pack(Path.Combine(SamplesFixture.Root, "plugins", "json-plugin"));

        var result = new PluginPackage().Install(archive, PluginsPath, ModulesPath);

        result.Manifest.Id.ShouldBe("json-plugin");
        result.Directory.ShouldBe(Path.Combine(PluginsPath, "json-plugin"));
        result.ReplacedVersion.ShouldBeNull();
        Directory.GetDirectories(PluginsPath).ShouldBe([result.Directory]);
        File.Exists(Path.Combine(result.Directory, "RetailCrm.Samples.JsonPlugin.dll")).ShouldBeTrue();
        var catalog = new ModuleLoader(NullLogger.Instance).Load(ModulesPath, PluginsPath);
        var plugin = catalog.Find("json-plugin").ShouldNotBeNull();
        plugin.State.ShouldBe(ModuleLoadState.Loaded, plugin.Error);
        Path.GetDirectoryName(plugin.Assembly!.Location).ShouldBe(result.Directory);
    }

    [Fact]
    public void Should_replace_an_installed_plugin_when_its_id_is_installed_again()
    {
        var build = CopyOf(Path.Combine(SamplesFixture.Root, "plugins", "json-plugin"));
        var package = new PluginPackage();
        package.Install(Pack(build, "first.zip"), PluginsPath, ModulesPath);
        Directory.Move(Path.Combine(PluginsPath, "json-plugin"), Path.Combine(PluginsPath, "renamed-by-hand"));
        File.WriteAllText(Path.Combine(build, "plugin.json"), File.ReadAllText(Path.Combine(build, "plugin.json")).Replace("0.3.0", "0.4.0", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(build, "notes.txt"), "new in 0.4.0");

        var result = package.Install(Pack(build, "second.zip"), PluginsPath, ModulesPath);

        result.ReplacedVersion.ShouldBe("0.3.0");
        result.Directory.ShouldBe(Path.Combine(PluginsPath, "renamed-by-hand"));
        Directory.GetDirectories(PluginsPath).ShouldBe([result.Directory]);
        File.ReadAllText(Path.Combine(result.Directory, "plugin.json")).ShouldContain("0.4.0");
        File.Exists(Path.Combine(result.Directory, "notes.txt")).ShouldBeTrue();
    }

    [Fact]
    public void Should_install_a_plugin_archive_built_by_hand()
    {
        var result = new PluginPackage().Install(Archive(Plugin()), PluginsPath, ModulesPath);

        result.Manifest.Id.ShouldBe("packed");
        File.ReadAllText(Path.Combine(PluginsPath, "packed", "lib", "notes.txt")).ShouldBe("notes");
    }

    [Theory]
    [InlineData("../evil.dll", "leaves the plugin folder (..)")]
    [InlineData("lib/../../evil.dll", "leaves the plugin folder (..)")]
    [InlineData("/etc/evil.dll", "has an absolute path")]
    [InlineData("C:/evil.dll", "has an absolute path")]
    [InlineData("\\\\server\\share\\evil.dll", "has an absolute path")]
    public void Should_refuse_an_entry_that_escapes_the_plugin_folder(string path, string reason)
    {
        var problems = Refused(Archive([.. Plugin(), (path, "x"u8.ToArray())]));

        problems.ShouldContain($"Entry '{path}' {reason}.");
    }

    [Fact]
    public void Should_refuse_an_entry_over_the_size_limit()
    {
        var package = new PluginPackage(new PluginPackageOptions { MaxEntryBytes = 1000 });

        var problems = Refused(Archive([.. Plugin(), ("big.bin", new byte[2000])]), package);

        problems.ShouldContain("Entry 'big.bin' is 2000 bytes; the limit for one entry is 1000.");
    }

    [Fact]
    public void Should_refuse_an_archive_over_the_total_size_limit()
    {
        var package = new PluginPackage(new PluginPackageOptions { MaxEntryBytes = 1000, MaxTotalBytes = 1500 });

        var problems = Refused(Archive([.. Plugin(), ("one.bin", new byte[800]), ("two.bin", new byte[800])]), package);

        problems.ShouldBe(["The archive holds more than 1500 bytes uncompressed, the limit for a plugin."]);
    }

    [Fact]
    public void Should_refuse_an_archive_without_a_manifest() =>
        Refused(Archive(Plugin().Where(e => e.Path != "plugin.json").ToArray()))
            .ShouldContain("The archive has no plugin.json at its root.");

    [Fact]
    public void Should_refuse_a_manifest_in_a_subfolder_only() =>
        Refused(Archive([.. Plugin().Where(e => e.Path != "plugin.json"), ("inner/plugin.json", Encoding.UTF8.GetBytes(GoodManifest))]))
            .ShouldContain("The archive has no plugin.json at its root.");

    [Theory]
    [InlineData("""{ "id": "packed", "version": """, "plugin.json is not a valid manifest")]
    [InlineData("""{ "version": "1.0.0", "sdk": "^2.0.0" }""", "plugin.json has no id.")]
    [InlineData("""{ "id": "../up", "version": "1.0.0", "sdk": "^2.0.0" }""", "The id '../up' may hold only letters")]
    [InlineData("""{ "id": "packed", "version": "1", "sdk": "^2.0.0" }""", "'packed' has version '1', which is not SemVer (e.g. 1.0.0).")]
    [InlineData("""{ "id": "packed", "version": "1.0.0", "sdk": "newest" }""", "'packed' asks for Sdk 'newest', which is not a version range.")]
    public void Should_refuse_an_invalid_manifest(string manifest, string problem) =>
        Refused(Archive(Plugin(manifest))).ShouldContain(p => p.StartsWith(problem, StringComparison.Ordinal));

    [Fact]
    public void Should_refuse_a_plugin_built_for_another_sdk() =>
        Refused(Archive(Plugin("""{ "id": "packed", "version": "1.0.0", "sdk": "^9.0.0" }""")))
            .ShouldBe([$"'packed' needs Sdk ^9.0.0, but this host has Sdk {ModuleLoader.SdkVersion}."]);

    [Fact]
    public void Should_refuse_an_entry_whose_checksum_does_not_match()
    {
        var problems = Refused(Archive(Plugin(), checksums: lines => lines.Replace(Sha256("notes"u8.ToArray()), new string('0', 64), StringComparison.Ordinal)));

        problems.ShouldBe([$"Checksum mismatch for 'lib/notes.txt': checksums.sha256 says {new string('0', 64)}, the entry is {Sha256("notes"u8.ToArray())}."]);
    }

    [Fact]
    public void Should_refuse_a_file_listed_in_the_checksums_but_missing_and_a_file_not_listed()
    {
        var problems = Refused(Archive(Plugin(), checksums: lines =>
            lines.Replace("lib/notes.txt", "lib/gone.txt", StringComparison.Ordinal)));

        problems.ShouldBe(
        [
            "'lib/gone.txt' is listed in checksums.sha256 but missing from the archive.",
            "'lib/notes.txt' is in the archive but not listed in checksums.sha256.",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Should_refuse_an_archive_without_checksums() =>
        Refused(Archive(Plugin(), withChecksums: false)).ShouldBe(["The archive has no checksums.sha256 at its root."]);

    [Fact]
    public void Should_refuse_a_plugin_with_the_id_of_an_installed_module() =>
        Refused(Archive(Plugin("""{ "id": "alpha", "version": "1.0.0", "sdk": "^2.0.0" }""")))
            .ShouldBe([$"'alpha' is the id of the installed module in {Path.Combine(ModulesPath, "alpha")}."]);

    [Fact]
    public void Should_refuse_a_folder_of_the_same_name_that_holds_another_plugin()
    {
        var other = Path.Combine(PluginsPath, "packed");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "plugin.json"), """{ "id": "someone-else", "version": "1.0.0" }""");

        var e = Should.Throw<PluginPackageException>(() => new PluginPackage().Install(Archive(Plugin()), PluginsPath, ModulesPath));

        e.Problems.ShouldBe([$"{other} already exists and does not hold the plugin 'packed'."]);
        Directory.GetFileSystemEntries(other).ShouldBe([Path.Combine(other, "plugin.json")]);
    }

    [Theory]
    [InlineData("RetailCrm.Sdk.dll")]
    [InlineData("lib/RetailCrm.Samples.Alpha.Contracts.dll")]
    [InlineData("Microsoft.EntityFrameworkCore.dll")]
    [InlineData("Microsoft.EntityFrameworkCore.Relational.dll")]
    public void Should_refuse_an_assembly_that_must_be_shared_with_the_host(string path) =>
        Refused(Archive([.. Plugin(), (path, "MZ"u8.ToArray())]))
            .ShouldBe([$"'{path}' is shared with the host and must not be bundled: reference it with Private=\"false\" ExcludeAssets=\"runtime\"."]);

    [Fact]
    public void Should_accept_a_contracts_assembly_that_no_installed_module_has() =>
        new PluginPackage().Install(Archive([.. Plugin(), ("Packed.Contracts.dll", "MZ"u8.ToArray())]), PluginsPath, ModulesPath)
            .Manifest.Id.ShouldBe("packed");

    [Fact]
    public void Should_refuse_a_plugin_whose_main_assembly_cannot_be_found() =>
        Refused(Archive(Plugin().Where(e => e.Path != "Packed.dll").ToArray()))
            .ShouldBe(["'packed' has Packed.deps.json but not the assembly beside it."]);

    [Fact]
    public void Should_refuse_a_file_that_is_not_an_archive()
    {
        var path = Path.Combine(_root.FullName, "not-a.zip");
        File.WriteAllText(path, "hello");

        Refused(path).ShouldHaveSingleItem().ShouldStartWith("The archive cannot be read");
    }

    [Fact]
    public void Should_list_every_problem_of_an_archive_in_one_exception()
    {
        var archive = Archive(
            [.. Plugin("""{ "id": "packed", "version": "1.0.0", "sdk": "^9.0.0" }"""), ("../evil.dll", "x"u8.ToArray()), ("RetailCrm.Sdk.dll", "MZ"u8.ToArray())],
            checksums: lines => lines.Replace(Sha256("notes"u8.ToArray()), new string('0', 64), StringComparison.Ordinal));

        var e = Should.Throw<PluginPackageException>(() => new PluginPackage().Install(archive, PluginsPath, ModulesPath));

        e.Problems.Count.ShouldBe(4);
        e.Problems.ShouldContain("Entry '../evil.dll' leaves the plugin folder (..).");
        e.Problems.ShouldContain(p => p.StartsWith("Checksum mismatch for 'lib/notes.txt'", StringComparison.Ordinal));
        e.Problems.ShouldContain(p => p.StartsWith("'packed' needs Sdk ^9.0.0", StringComparison.Ordinal));
        e.Problems.ShouldContain(p => p.StartsWith("'RetailCrm.Sdk.dll' is shared with the host", StringComparison.Ordinal));
        foreach (var problem in e.Problems)
        {
            e.Message.ShouldContain(problem);
        }

        Directory.Exists(PluginsPath).ShouldBeFalse();
    }

    /// <summary>Every refusal leaves the plugins folder as it was: here, not even created.</summary>
    private IReadOnlyList<string> Refused(string archive, PluginPackage? package = null)
    {
        var e = Should.Throw<PluginPackageException>(() => (package ?? new PluginPackage()).Install(archive, PluginsPath, ModulesPath));
        Directory.Exists(PluginsPath).ShouldBeFalse();
        File.Exists(Path.Combine(_root.FullName, "evil.dll")).ShouldBeFalse();
        return e.Problems;
    }

    /// <summary>A minimal plugin: manifest, main assembly found through its deps.json, a file in a subfolder.</summary>
    private static (string Path, byte[] Content)[] Plugin(string manifest = GoodManifest) =>
    [
        ("plugin.json", Encoding.UTF8.GetBytes(manifest)),
        ("Packed.dll", "MZ"u8.ToArray()),
        ("Packed.deps.json", "{}"u8.ToArray()),
        ("lib/notes.txt", "notes"u8.ToArray()),
    ];

    /// <summary>A zip of the entries and their checksums, which <paramref name="checksums"/> may alter; without them when <paramref name="withChecksums"/> is false.</summary>
    private string Archive((string Path, byte[] Content)[] entries, Func<string, string>? checksums = null, bool withChecksums = true)
    {
        var path = Path.Combine(_root.FullName, Guid.NewGuid().ToString("N") + ".zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(content);
        }

        if (withChecksums)
        {
            var lines = string.Concat(entries.Select(e => $"{Sha256(e.Content)}  {e.Path}\n"));
            using var stream = zip.CreateEntry("checksums.sha256").Open();
            stream.Write(Encoding.UTF8.GetBytes(checksums is null ? lines : checksums(lines)));
        }

        return path;
    }

    private string Pack(string folder, string name = "plugin.zip")
    {
        var archive = Path.Combine(_root.FullName, "packages", name);
        PluginPackage.Create(folder, archive);
        return archive;
    }

    private string CopyOf(string folder)
    {
        var to = Path.Combine(_root.FullName, "build");
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }

    private static string ReadEntry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
