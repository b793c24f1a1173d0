using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace RetailCrm.Templates.Tests;

/// <summary>
/// <c>dotnet new retailcrm-module -n Sample</c> makes a module that builds in the repository with no hand edit, loads in
/// the host and passes its own tests; a second name proves that the name reaches every path, namespace and id.
/// </summary>
public sealed partial class ModuleTemplateTests(GeneratedModules generated, ITestOutputHelper output) : IClassFixture<GeneratedModules>
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    [Fact]
    public void Should_make_modules_that_build_with_no_warning_and_pass_their_generated_tests()
    {
        foreach (var step in generated.Steps)
        {
            output.WriteLine($"{step.Name,-14} {step.Elapsed.TotalSeconds,6:0.0} s  dotnet {step.Command}");
        }

        var build = generated.Succeeded("build");
        build.Output.Split('\n').Where(line => WarningPattern().IsMatch(line) && line.Contains("RetailCrm.Modules.", StringComparison.Ordinal)).Distinct().ToList()
            .ShouldBeEmpty("the generated code builds with no warning");
        var test = generated.Steps.Single(s => s.Name == "test");

        var runs = TestRuns();
        var expected = TemplateTestCount();
        foreach (var module in new[] { "Sample", "GiftWrap" })
        {
            var run = runs.GetValueOrDefault($"RetailCrm.Modules.{module}.Tests.dll");
            run.ShouldNotBeNull($"no results of the {module} tests in {generated.ResultsPath}:{Environment.NewLine}{test.Tail()}");
            run.Failed.ShouldBeEmpty($"the {module} tests failed:{Environment.NewLine}{string.Join(Environment.NewLine, run.Failed)}");
            run.Passed.ShouldBeGreaterThanOrEqualTo(expected, $"every test of the template ran for {module}:{Environment.NewLine}{test.Tail()}");
        }

        generated.Succeeded("test");
    }

    [Fact]
    public void Should_put_the_name_in_every_path_namespace_and_id()
    {
        generated.Succeeded("new GiftWrap");
        var module = Path.Combine(generated.Root, "modules", "GiftWrap");
        var tests = Path.Combine(generated.Root, "tests", "RetailCrm.Modules.GiftWrap.Tests");

        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(module, "module.json"))).RootElement;
        manifest.GetProperty("id").GetString().ShouldBe("gift-wrap");
        manifest.GetProperty("displayName").GetProperty("zh-CN").GetString().ShouldBe(GeneratedModules.ChineseName);
        File.ReadAllText(Path.Combine(module, "src", "RetailCrm.Modules.GiftWrap", "GiftWrapModule.cs")).ShouldContain("namespace RetailCrm.Modules.GiftWrap;");
        File.Exists(Path.Combine(module, "src", "RetailCrm.Modules.GiftWrap.Contracts", "RetailCrm.Modules.GiftWrap.Contracts.csproj")).ShouldBeTrue();
        File.Exists(Path.Combine(tests, "RetailCrm.Modules.GiftWrap.Tests.csproj")).ShouldBeTrue();
        var leftovers = Files(module).Concat(Files(tests))
            .Where(f => f.Contains("sample", StringComparison.OrdinalIgnoreCase) || File.ReadAllText(f).Contains("sample", StringComparison.OrdinalIgnoreCase) || File.ReadAllText(f).Contains("示例", StringComparison.Ordinal))
            .ToList();
        leftovers.ShouldBeEmpty("the template's name is replaced everywhere");

        var migration = Directory.GetFiles(Path.Combine(module, "src", "RetailCrm.Modules.GiftWrap", "Infrastructure", "Persistence", "Migrations")).ShouldHaveSingleItem();
        var id = MigrationFilePattern().Match(Path.GetFileName(migration)).Groups["id"].Value;
        id.ShouldNotBeEmpty($"{migration} is named {{yyyyMMddHHmmss}}_Initial.cs");
        File.ReadAllText(migration).ShouldContain($"[Migration(\"{id}_Initial\")]");

        var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(generated.Root, "modules", "Sample", "module.json"))).RootElement;
        sample.GetProperty("id").GetString().ShouldBe("sample");
        sample.GetProperty("displayName").GetProperty("zh-CN").GetString().ShouldBe("示例");
    }

    [Fact]
    public void Should_add_the_module_and_its_tests_to_the_solution()
    {
        generated.Succeeded("new GiftWrap");
        var solution = File.ReadAllText(Path.Combine(generated.Root, "RetailCrm.sln")).Replace('\\', '/');

        foreach (var module in new[] { "Sample", "GiftWrap" })
        {
            solution.ShouldContain($"\"modules/{module}/src/RetailCrm.Modules.{module}.Contracts/RetailCrm.Modules.{module}.Contracts.csproj\"");
            solution.ShouldContain($"\"modules/{module}/src/RetailCrm.Modules.{module}/RetailCrm.Modules.{module}.csproj\"");
            solution.ShouldContain($"\"tests/RetailCrm.Modules.{module}.Tests/RetailCrm.Modules.{module}.Tests.csproj\"");
        }
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    /// <summary>The tests the template's test project declares; each generated module must run at least these.</summary>
    private static int TemplateTestCount() =>
        Directory.GetFiles(Path.Combine(GeneratedModules.TemplatePath, "tests"), "*.cs", SearchOption.AllDirectories)
            .Sum(f => TestAttributePattern().Count(File.ReadAllText(f)));

    /// <summary>Passed and failed tests per test assembly, read from the TRX files of the nested <c>dotnet test</c>.</summary>
    private Dictionary<string, TestRun> TestRuns()
    {
        var runs = new Dictionary<string, TestRun>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.Exists(generated.ResultsPath) ? Directory.GetFiles(generated.ResultsPath, "*.trx") : [])
        {
            var trx = XDocument.Load(file);
            var assembly = trx.Descendants(Trx + "UnitTest").Select(t => Path.GetFileName((string?)t.Attribute("storage"))).FirstOrDefault(s => s is not null);
            if (assembly is null)
            {
                continue;
            }

            var results = trx.Descendants(Trx + "UnitTestResult").ToList();
            runs[assembly] = new TestRun(
                results.Count(r => (string?)r.Attribute("outcome") == "Passed"),
                [.. results.Where(r => (string?)r.Attribute("outcome") != "Passed")
                    .Select(r => $"{r.Attribute("testName")?.Value} ({r.Attribute("outcome")?.Value}): {r.Descendants(Trx + "Message").FirstOrDefault()?.Value}")]);
        }

        return runs;
    }

    private sealed record TestRun(int Passed, IReadOnlyList<string> Failed);

    [GeneratedRegex(@"\bwarning [A-Z]+[0-9]+")]
    private static partial Regex WarningPattern();

    [GeneratedRegex(@"^(?<id>[0-9]{14})_Initial\.cs$")]
    private static partial Regex MigrationFilePattern();

    [GeneratedRegex(@"\[(?:Fact|Theory)\]")]
    private static partial Regex TestAttributePattern();
}
