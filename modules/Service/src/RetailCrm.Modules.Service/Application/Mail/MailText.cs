using System.Globalization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Mail;

/// <summary>A refusal as one English line, for a dead letter's reason or a note.</summary>
internal static class MailText
{
    public static string Of(Refusal refusal)
    {
        var texts = refusal.Fields.Count > 0
            ? refusal.Fields.Select(f => $"{f.Field}: {Format(f.Text)}")
            : [Format(refusal.Text)];
        return string.Join("; ", texts);
    }

    private static string Format(LocalizableText text) => string.Format(CultureInfo.InvariantCulture, text.Template, [.. text.Arguments]);
}
