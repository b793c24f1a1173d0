using PhoneNumbers;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Application.DataQuality;

/// <summary>Phone numbers to E.164 with libphonenumber; numbers without a country code are read in the tenant's region.</summary>
internal static class PhoneNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form, or null with the reason when the text is not a valid number.</summary>
    public static (string? E164, LocalizableText? Error) Normalize(string? text, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        try
        {
            var number = Util.Parse(text.Trim(), defaultRegion.ToUpperInvariant());
            return Util.IsValidNumber(number)
                ? (Util.Format(number, PhoneNumberFormat.E164), null)
                : (null, LocalizableText.Of("'{0}' is not a valid phone number for {1}.", text, Util.GetRegionCodeForNumber(number) ?? defaultRegion));
        }
        catch (NumberParseException)
        {
            return (null, LocalizableText.Of("'{0}' is not a phone number.", text));
        }
    }

    /// <summary>The E.164 form for look-ups, or null; never throws.</summary>
    public static string? TryNormalize(string? text, string defaultRegion) => Normalize(text, defaultRegion).E164;
}
