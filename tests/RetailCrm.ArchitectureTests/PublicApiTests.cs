using System.Diagnostics;

namespace RetailCrm.ArchitectureTests;

/// <summary>
/// The public API of each package is recorded (PublicAPI.Shipped.txt / PublicAPI.Unshipped.txt, checked by
/// Microsoft.CodeAnalysis.PublicApiAnalyzers): an unrecorded addition or removal fails the build, so a breaking change
/// of the Sdk is never made by accident.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> PackageIds => PackageTests.PackageIds;

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Should_record_the_public_api_of_every_package(string packageId)
    {
        var folder = ProjectFolder(packageId);
        var shipped = Path.Combine(folder, "PublicAPI.Shipped.txt");

        File.Exists(shipped).ShouldBeTrue($"{packageId} records its public API (tools/public-api.sh)");
        File.Exists(Path.Combine(folder, "PublicAPI.Unshipped.txt")).ShouldBeTrue();
        File.ReadLines(shipped).First().ShouldBe("#nullable enable", "the nullability of the API is part of it");
        File.ReadLines(shipped).Count(line => line.Length > 0 && !line.StartsWith('#')).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Should_fail_the_build_of_the_sdk_when_its_public_api_changes_unrecorded()
    {
        var copy = CopyOfTheSdk();
        try
        {
            var sdk = Path.Combine(copy, "host", "RetailCrm.Sdk");
            File.WriteAllText(Path.Combine(sdk, "Unrecorded.cs"), """
                namespace RetailCrm.Sdk;

                /// <summary>Public, and not recorded.</summary>
                public static class Unrecorded
                {
                    /// <summary>Not recorded either.</summary>
                    public static void Member()
                    {
                    }
                }
                """);
            var shipped = Path.Combine(sdk, "PublicAPI.Shipped.txt");
            var lines = File.ReadAllLines(shipped).ToList();
            var removed = lines.First(line => line.StartsWith("RetailCrm.Sdk.Modularity.CrmModule.", StringComparison.Ordinal));
            File.WriteAllLines(shipped, lines.Where(line => line != removed).Append("RetailCrm.Sdk.Gone.Member() -> void"));

            var (exitCode, output) = Build(Path.Combine(sdk, "RetailCrm.Sdk.csproj"), copy);

            exitCode.ShouldNotBe(0, output);
            output.ShouldContain("RS0016: Symbol 'RetailCrm.Sdk.Unrecorded'", Case.Sensitive, "an addition is reported");
            output.ShouldContain($"RS0016: Symbol '{removed}'", Case.Sensitive, "a member taken out of the record is reported as unrecorded");
            output.ShouldContain("RS0017: Symbol 'RetailCrm.Sdk.Gone.Member() -> void'", Case.Sensitive, "a removal is reported");
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static string ProjectFolder(string packageId) =>
        Path.GetDirectoryName(Directory.GetFiles(Repository.Root, packageId + ".csproj", SearchOption.AllDirectories)
            .Single(path => !path.Contains(Path.Combine("tools", "templates"), StringComparison.Ordinal)))!;

    /// <summary>The Sdk and the build files it needs, copied, so that nothing is built in the real tree.</summary>
    private static string CopyOfTheSdk()
    {
        var root = Directory.CreateTempSubdirectory("retailcrm-public-api-").FullName;
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", ".editorconfig" })
        {
            File.Copy(Path.Combine(Repository.Root, file), Path.Combine(root, file));
        }

        var from = Path.Combine(Repository.Root, "host", "RetailCrm.Sdk");
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(from, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")))
        {
            var to = Path.Combine(root, "host", "RetailCrm.Sdk", Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        // Packages come from the global packages folder, where the repository's own restore put them.
        File.WriteAllText(Path.Combine(root, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
              </packageSources>
            </configuration>
            """);
        return root;
    }

    private static (int ExitCode, string Output) Build(string project, string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet", ["build", project, "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }

        using var build = Process.Start(start)!;
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEndAsync();
        if (!build.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            build.Kill(entireProcessTree: true);
        }

        build.WaitForExit();
        return (build.ExitCode, output.Result + errors.Result);
    }
}
