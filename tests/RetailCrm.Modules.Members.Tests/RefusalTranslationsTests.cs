using System.Text.Json;
using System.Text.RegularExpressions;

namespace RetailCrm.Modules.Members.Tests;

/// <summary>
/// Every text the members module refuses with (and every notice its pages give) is an English template that the
/// pages translate: each must have its Simplified Chinese entry, exactly one, or a Chinese clerk reads English; and
/// no English resource may say it another way, so the API and the pages say the same thing.
/// </summary>
public sealed partial class RefusalTranslationsTests
{
    private static readonly string Module = Path.Combine(RepositoryRoot(), "modules", "Members", "src", "RetailCrm.Modules.Members");

    [Fact]
    public void Should_have_one_chinese_text_for_every_refusal_the_module_writes()
    {
        var chinese = Resources("*.zh-CN.json");
        var texts = Texts();

        texts.Count.ShouldBeGreaterThan(100, "the scan finds the module's refusals");
        var missing = texts.Where(t => !chinese.ContainsKey(t.Text)).Select(t => $"{t.File}: {t.Text}").Distinct().Order().ToList();
        missing.ShouldBeEmpty("add these to Resources/Refusals.zh-CN.json");
        var twice = texts.Select(t => t.Text).Distinct().Where(t => chinese[t].Count > 1).Select(t => $"{t}: {string.Join(", ", chinese[t])}").Order().ToList();
        twice.ShouldBeEmpty("a refusal is translated once: keep it in one zh-CN file");
    }

    [Fact]
    public void Should_say_each_refusal_in_english_only_by_its_template()
    {
        var english = Resources("*.en.json").Concat(Resources("en.json")).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

        Texts().Select(t => t.Text).Distinct().Where(english.ContainsKey).Order().ToList()
            .ShouldBeEmpty("the template is the English text; an en.json entry would make a second one");
    }

    /// <summary>The templates written in the module's code, with the file each is in.</summary>
    private static List<(string File, string Text)> Texts() => Directory.GetFiles(Module, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .SelectMany(f => TextPattern().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Text: Regex.Unescape(m.Groups["text"].Value))))
        .ToList();

    /// <summary>Each key of the module's resource files matching the pattern, with the files that define it.</summary>
    private static Dictionary<string, List<string>> Resources(string pattern) => Directory.GetFiles(Path.Combine(Module, "Resources"), pattern)
        .SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!.Keys.Select(key => (Key: key, File: Path.GetFileName(f))))
        .GroupBy(e => e.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(e => e.File).ToList(), StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RetailCrm.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RetailCrm.sln not found above " + AppContext.BaseDirectory);
    }

    // The string literal that is the text of: LocalizableText.Of(text, ...); Refusal.Invalid(code, field, text, ...) and
    // Refusal.NotFound/Conflict/...(code, text, ...); .Titled(text) and the module's Invalid(title, errors) / Refused(title, ...);
    // a field error errors.Add(field, text, ...) or Fail(errors, field, text); and a page's notice Done(url, text, ...) or SetNotice(text, ...).
    [GeneratedRegex("""(?:LocalizableText\.Of\(\s*|(?<!Refusal\.)\b(?:Invalid|Refused)\(\s*|Refusal\.Invalid\(\s*[^,()]+,\s*[^,()]+,\s*|Refusal\.(?:NotFound|Conflict|Forbidden|Unprocessable|Unauthenticated)\(\s*[^,()]+,\s*|\.Titled\(\s*|errors\.Add\(\s*[^,()]+,\s*|Fail\(\s*errors,\s*[^,()]+,\s*|\bDone\(\s*[^,()]+,\s*|SetNotice\(\s*)"(?<text>(?:[^"\\]|\\.)*)"(?!\s*\+)""")]
    private static partial Regex TextPattern();
}
