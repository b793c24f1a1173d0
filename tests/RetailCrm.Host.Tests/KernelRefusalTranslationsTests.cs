using System.Text.Json;
using System.Text.RegularExpressions;

namespace RetailCrm.Host.Tests;

/// <summary>
/// Every refusal the kernel's administration services can answer is shown on the admin pages through the localizer:
/// each template must have its Simplified Chinese text in the kernel's resources, and exist there only (not again in
/// the host's, which keeps the texts of its pages).
/// </summary>
public sealed partial class KernelRefusalTranslationsTests
{
    private static readonly string Kernel = Path.Combine(RepositoryRoot(), "host", "RetailCrm.Kernel");

    [Fact]
    public void Should_have_a_chinese_text_for_every_refusal_of_the_administration_services()
    {
        var chinese = Keys(Path.Combine(Kernel, "Resources", "zh-CN.json"));
        var sources = Directory.GetFiles(Path.Combine(Kernel, "Administration"), "*.cs")
            .Append(Path.Combine(Kernel, "MultiTenancy", "ModuleToggles.cs"));

        var texts = sources
            .SelectMany(f => RefusalText().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Text: Regex.Unescape(m.Groups["text"].Value))))
            .ToList();

        texts.Count.ShouldBeGreaterThan(40, "the scan finds the services' refusals");
        texts.ShouldContain(t => t.Text == "The code '{0}' is taken.");
        texts.ShouldContain(t => t.Text == "A user name has 2 to 100 letters, digits or . _ @ -.");
        var missing = texts.Where(t => !chinese.Contains(t.Text)).Select(t => $"{t.File}: {t.Text}").Distinct().Order().ToList();
        missing.ShouldBeEmpty("add these to host/RetailCrm.Kernel/Resources/zh-CN.json");
    }

    [Fact]
    public void Should_keep_each_text_in_one_resource_file_only()
    {
        var kernel = Keys(Path.Combine(Kernel, "Resources", "zh-CN.json"));
        var host = Keys(Path.Combine(RepositoryRoot(), "host", "RetailCrm.Host", "Resources", "zh-CN.json"));

        kernel.Intersect(host).Order().ToList().ShouldBeEmpty("a text the kernel refuses with is translated in the kernel's resources only");
    }

    private static HashSet<string> Keys(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))!.Keys.ToHashSet(StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RetailCrm.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RetailCrm.sln not found above " + AppContext.BaseDirectory);
    }

    // The template of a Sdk refusal: the literal after the code and, for a field's refusal, the field (a literal or a name).
    [GeneratedRegex("""Refusal\.(?:Invalid|NotFound|Conflict|Forbidden|Unprocessable|Unauthenticated)\(\s*"[^"]*",\s*(?:(?:"[^"]*"|\w+),\s*)?"(?<text>(?:[^"\\]|\\.)*)"(?!\s*\+)""")]
    private static partial Regex RefusalText();
}
