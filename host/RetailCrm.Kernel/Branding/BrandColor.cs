using System.Globalization;
using System.Text.RegularExpressions;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Kernel.Branding;

/// <summary>
/// A tenant's primary colour: <c>#rrggbb</c>, dark enough for the white text the themes put on it
/// (WCAG 2 contrast of at least 4.5:1, the level for normal text).
/// </summary>
internal static partial class BrandColor
{
    public const double MinimumContrast = 4.5;

    public static bool IsValid(string? value) => value is not null && Why(value) is null;

    /// <summary>Why the colour is refused, or null.</summary>
    public static LocalizableText? Why(string value)
    {
        if (!Pattern().IsMatch(value))
        {
            return LocalizableText.Of("A colour is written #rrggbb, e.g. #1f6feb.");
        }

        var contrast = ContrastWithWhite(value);
        return contrast < MinimumContrast
            ? LocalizableText.Of("White text on {0} would be hard to read (contrast {1}:1, at least 4.5:1 is needed); pick a darker colour.", value, contrast.ToString("0.0", CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>The WCAG 2 contrast ratio of white on the colour: (1 + 0.05) / (L + 0.05), L its relative luminance.</summary>
    public static double ContrastWithWhite(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
        return 1.05 / (luminance + 0.05);
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Pattern();
}
