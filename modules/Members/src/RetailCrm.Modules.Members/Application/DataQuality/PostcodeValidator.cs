using System.Text.RegularExpressions;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Application.DataQuality;

/// <summary>Postcode formats by region (ISO 3166 code); regions without postcodes accept none.</summary>
internal static partial class PostcodeValidator
{
    private static readonly Dictionary<string, Regex> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CN"] = new(@"^\d{6}$"),
        ["TW"] = new(@"^\d{3}(\d{2,3})?$"),
        ["SG"] = new(@"^\d{6}$"),
        ["JP"] = new(@"^\d{3}-?\d{4}$"),
        ["KR"] = new(@"^\d{5}$"),
        ["US"] = new(@"^\d{5}(-\d{4})?$"),
        ["CA"] = new(@"^[A-Z]\d[A-Z] ?\d[A-Z]\d$", RegexOptions.IgnoreCase),
        ["GB"] = new(@"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$", RegexOptions.IgnoreCase),
        ["DE"] = new(@"^\d{5}$"),
        ["FR"] = new(@"^\d{5}$"),
        ["AU"] = new(@"^\d{4}$"),
        ["MY"] = new(@"^\d{5}$"),
    };

    private static readonly HashSet<string> WithoutPostcodes = new(StringComparer.OrdinalIgnoreCase) { "HK", "MO" };

    /// <summary>The postcode as stored (trimmed, upper-case), or an error naming the expected format.</summary>
    public static (string? Postcode, LocalizableText? Error) Normalize(string? postcode, string region)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return (null, null);
        }

        var value = postcode.Trim().ToUpperInvariant();
        if (WithoutPostcodes.Contains(region))
        {
            return (null, LocalizableText.Of("{0} addresses have no postcode.", region));
        }

        return !Formats.TryGetValue(region, out var format) || format.IsMatch(value)
            ? (value, null)
            : (null, LocalizableText.Of("'{0}' is not a postcode of {1}.", postcode.Trim(), region.ToUpperInvariant()));
    }
}
