using System.Globalization;
using System.Text;

namespace RetailCrm.Modules.Members.Application.DataQuality;

/// <summary>A name as stored: trimmed, split into family and given names, and its matching key.</summary>
internal sealed record NormalizedName(string DisplayName, string? FamilyName, string? GivenName, string Key);

/// <summary>
/// Trims and splits names. Chinese names are family name first (with the common two-character
/// family names), Latin names given name first unless written "Family, Given".
/// </summary>
internal static class NameNormalizer
{
    private static readonly string[] CompoundFamilyNames =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒", "轩辕", "端木", "西门", "南宫", "独孤", "呼延",
    ];

    public static NormalizedName Person(string? displayName, string? familyName, string? givenName)
    {
        var family = Clean(familyName);
        var given = Clean(givenName);
        var display = Clean(displayName);
        if (display is null && (family is not null || given is not null))
        {
            display = IsChinese(family ?? given!) ? $"{family}{given}" : string.Join(' ', new[] { given, family }.Where(p => p is not null));
        }

        display ??= "";
        if (family is null && given is null && display.Length > 0)
        {
            (family, given) = Split(display);
        }

        return new NormalizedName(display, family, given, Key(display));
    }

    public static NormalizedName Organization(string? displayName)
    {
        var display = Clean(displayName) ?? "";
        return new NormalizedName(display, null, null, Key(display));
    }

    /// <summary>Lower-case letters and digits only (CJK kept), so that "Anna  Smith" and "anna smith." match.</summary>
    public static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }

    private static (string? Family, string? Given) Split(string display)
    {
        if (IsChinese(display))
        {
            var compact = display.Replace(" ", "", StringComparison.Ordinal).Replace("·", "", StringComparison.Ordinal);
            var familyLength = compact.Length > 2 && CompoundFamilyNames.Any(compact.StartsWith) ? 2 : 1;
            return compact.Length <= familyLength ? (compact, null) : (compact[..familyLength], compact[familyLength..]);
        }

        var comma = display.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            return (display[..comma].Trim(), Clean(display[(comma + 1)..]));
        }

        var last = display.LastIndexOf(' ');
        return last < 0 ? (null, display) : (display[(last + 1)..], display[..last]);
    }

    private static bool IsChinese(string text) =>
        text.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c >= '\u3400' && c <= '\u9fff');

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', parts.Select(TitleCaseIfShouting));
    }

    // "ANNA SMITH" from a legacy system becomes "Anna Smith"; "McDonald" and Chinese are left alone.
    private static string TitleCaseIfShouting(string word) =>
        word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)) && word.Any(char.IsAsciiLetter)
            ? char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant()
            : word;
}
