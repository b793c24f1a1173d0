using System.Net.Mail;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Application.DataQuality;

/// <summary>E-mail addresses trimmed, lower-cased and checked.</summary>
internal static class EmailNormalizer
{
    public static (string? Email, LocalizableText? Error) Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var email = text.Trim().ToLowerInvariant();
        return MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal)
            && email.IndexOf('@', StringComparison.Ordinal) is var at and > 0 && email.LastIndexOf('.') > at + 1
            ? (email, null)
            : (null, LocalizableText.Of("'{0}' is not an e-mail address.", text.Trim()));
    }
}
