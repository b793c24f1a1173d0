using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace RetailCrm.ArchitectureTests;

/// <summary>
/// The Sdk and every module's Contracts are NuGet packages (tools/pack.sh puts them in a local folder feed) that
/// outside modules and plugins compile against: each carries its assembly and XML docs, and a Contracts package
/// depends on the Sdk package of the Sdk it was built with, never on a module's implementation.
/// </summary>
public sealed class PackageTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_packages = new(PackAll);

    /// <summary>The Sdk and the Contracts of every first-party module (samples are not shipped).</summary>
    private static IReadOnlyList<string> Expected =>
        ["RetailCrm.Sdk", .. ModuleTable.All.Where(m => !m.IsPlugin && m.ContractsAssemblyName is not null && !m.ProjectDirectory.Contains("Samples", StringComparison.Ordinal)).Select(m => m.ContractsAssemblyName!)];

    public static TheoryData<string> PackageIds => [.. Expected];

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Should_pack_the_assembly_with_its_xml_docs(string packageId)
    {
        using var package = ZipFile.OpenRead(s_packages.Value[packageId]);
        var files = package.Entries.Select(e => e.FullName).ToList();

        files.ShouldContain($"lib/{Repository.TargetFramework}/{packageId}.dll");
        files.ShouldContain($"lib/{Repository.TargetFramework}/{packageId}.xml", "plugin developers read the XML docs in their IDE");
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Should_depend_on_the_sdk_package_and_on_no_module_implementation(string packageId)
    {
        var dependencies = Dependencies(s_packages.Value[packageId]);

        dependencies.Keys.ShouldNotContain(id => id.StartsWith("RetailCrm.", StringComparison.Ordinal) && id != "RetailCrm.Sdk" && !id.EndsWith(".Contracts", StringComparison.Ordinal));
        if (packageId != "RetailCrm.Sdk")
        {
            dependencies.ShouldContainKey("RetailCrm.Sdk");
            dependencies["RetailCrm.Sdk"].ShouldBe(Version(s_packages.Value["RetailCrm.Sdk"]), "a Contracts package names the Sdk it was built with");
        }
    }

    [Fact]
    public void Should_pack_only_the_sdk_and_the_contracts()
    {
        s_packages.Value.Keys.Order(StringComparer.Ordinal).ShouldBe(Expected.Order(StringComparer.Ordinal));
    }

    /// <summary>Packs the solution's packable projects from their built output, as tools/pack.sh does, into a fresh folder.</summary>
    private static Dictionary<string, string> PackAll()
    {
        var feed = Path.Combine(Path.GetTempPath(), "retailcrm-packages-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet", ["pack", Path.Combine(Repository.Root, "RetailCrm.sln"), "-c", Repository.Configuration, "--no-build", "-o", feed, "-nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        using var pack = Process.Start(start)!;
        var output = pack.StandardOutput.ReadToEndAsync();
        var errors = pack.StandardError.ReadToEndAsync();
        pack.WaitForExit();
        pack.ExitCode.ShouldBe(0, $"dotnet pack failed:\n{output.Result}\n{errors.Result}");
        return Directory.GetFiles(feed, "*.nupkg").ToDictionary(path => Id(path), StringComparer.Ordinal);
    }

    private static XElement Metadata(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string Id(string package) => Metadata(package).Elements().Single(e => e.Name.LocalName == "id").Value;

    private static string Version(string package) => Metadata(package).Elements().Single(e => e.Name.LocalName == "version").Value;

    private static Dictionary<string, string> Dependencies(string package) =>
        Metadata(package).Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value, StringComparer.Ordinal);
}
