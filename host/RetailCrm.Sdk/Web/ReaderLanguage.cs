using System.Globalization;

namespace RetailCrm.Sdk.Web;

/// <summary>The language the current request is read in (its UI culture), for texts a module keeps in both languages itself.</summary>
public static class ReaderLanguage
{
    /// <summary>Whether the reader reads Chinese (<c>zh-CN</c> or another <c>zh</c> culture).</summary>
    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Chinese text for a Chinese reader when there is one, else the English.</summary>
    public static string Pick(string english, string? chinese) => IsChinese && !string.IsNullOrWhiteSpace(chinese) ? chinese : english;
}
