using System.Text.Json;
using System.Text.RegularExpressions;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>
/// Every refusal text the cards module writes is shown on its pages through the localizer: each literal text or
/// template must have its Simplified Chinese entry, or a Chinese clerk reads English.
/// </summary>
public sealed partial class RefusalTranslationsTests
{
    [Fact]
    public void Should_have_a_chinese_text_for_every_refusal_the_module_writes()
    {
        var module = Path.Combine(RepositoryRoot(), "modules", "Cards", "src", "RetailCrm.Modules.Cards");
        var chinese = Directory.GetFiles(Path.Combine(module, "Resources"), "*.zh-CN.json")
            .SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!.Keys)
            .ToHashSet(StringComparer.Ordinal);

        var texts = Directory.GetFiles(module, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => RefusalText().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Text: Regex.Unescape(m.Groups["text"].Value))))
            .ToList();

        texts.Count.ShouldBeGreaterThan(50, "the scan finds the module's refusals");
        var missing = texts.Where(t => !chinese.Contains(t.Text)).Select(t => $"{t.File}: {t.Text}").Distinct().Order().ToList();
        missing.ShouldBeEmpty("add these to Resources/Cards.zh-CN.json or Stock.zh-CN.json");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RetailCrm.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RetailCrm.sln not found above " + AppContext.BaseDirectory);
    }

    // The first string literal a refusal is made with (after the field, for refusals of one field), a field's text,
    // and a refusal's title; unless the text goes on with "+" (those are built from parts whose combinations are
    // translated one by one).
    [GeneratedRegex("""(?:Refuse\.(?:Invalid|ConflictAt)\(\s*(?:"[^"]*"|\w+),\s*|Refuse\.(?!Invalid\b|ConflictAt\b)\w+\(\s*|Refusal\.\w+\(\w+,\s*|LocalizableText\.Of\(\s*|\.Titled\(\s*)"(?<text>(?:[^"\\]|\\.)*)"(?!\s*\+)""")]
    private static partial Regex RefusalText();
}
