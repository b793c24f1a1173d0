using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RetailCrm.Modules.Analysis.Tests;

/// <summary>
/// Every text the module shows is English in the code and the views, and is its own translation key: each must have
/// its Simplified Chinese text in Resources/*.zh-CN.json, or a Chinese clerk reads English. en.json never restates one.
/// </summary>
public sealed partial class TranslationTests
{
    private static readonly string Module = typeof(TranslationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ModuleSources").Value!;

    [Fact]
    public void Should_have_a_chinese_text_for_every_page_text_notice_and_refusal()
    {
        var texts = Texts("*.cs", CodeText()).Concat(Texts("*.cshtml", ViewText())).ToList();
        var chinese = Keys("*.zh-CN.json");

        texts.Count.ShouldBeGreaterThan(5, "the scan finds the module's texts");
        texts.Where(t => !chinese.Contains(t.Text)).Select(t => $"{t.File}: {t.Text}").Distinct().Order().ToList()
            .ShouldBeEmpty("add these to the module's Resources/*.zh-CN.json");
        texts.Select(t => t.Text).Where(Keys("en.json").Contains).Distinct().ToList()
            .ShouldBeEmpty("the English text is the template in the code; en.json would say it a second time");
    }

    private static IEnumerable<(string File, string Text)> Texts(string files, Regex text) =>
        Directory.GetFiles(Module, files, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => text.Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Text: Regex.Unescape(m.Groups["text"].Value))));

    private static HashSet<string> Keys(string files) =>
        [.. Directory.GetFiles(Path.Combine(Module, "Resources"), files).SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!.Keys)];

    // The text of: Refusal.Invalid(code, field, text, ...); Refusal.NotFound/Conflict/...(code, text, ...); .Titled(text);
    // LocalizableText.Of(text, ...); a page's notice Done(url, text, ...) or SetNotice(text, ...).
    [GeneratedRegex("""(?:Refusal\.Invalid\(\s*[^,()]+,\s*[^,()]+,\s*|Refusal\.(?:NotFound|Conflict|Forbidden|Unprocessable|Unauthenticated)\(\s*[^,()]+,\s*|\.Titled\(\s*|LocalizableText\.Of\(\s*|\bDone\(\s*[^,()]+,\s*|SetNotice\(\s*)"(?<text>(?:[^"\\]|\\.)*)(?=")""")]
    private static partial Regex CodeText();

    // The text of T["..."] in a view.
    [GeneratedRegex("""\bT\["(?<text>(?:[^"\\]|\\.)*)"\]""")]
    private static partial Regex ViewText();
}
