using RetailCrm.Modules.Service.Domain.Calls;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Calls;

/// <summary>Checks a CTI event's fields, every one at fault at once.</summary>
internal static class CtiEventCheck
{
    public static CallEvent? EventOf(string? value) =>
        Enum.TryParse<CallEvent>(value?.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

    public static Refusal? Refusal(CtiEventRequest request)
    {
        var fields = new List<FieldRefusal>();
        if (string.IsNullOrWhiteSpace(request.CallId) || request.CallId.Trim().Length > CallRecord.MaxCallIdLength)
        {
            fields.Add(new FieldRefusal("callId", LocalizableText.Of("Give the PBX's call id (at most {0} characters).", CallRecord.MaxCallIdLength)));
        }

        if (EventOf(request.Event) is null)
        {
            fields.Add(new FieldRefusal("event", LocalizableText.Of("The event is ringing, answered or ended.")));
        }

        Check(fields, "from", request.From, CallRecord.MaxNumberLength);
        Check(fields, "to", request.To, CallRecord.MaxNumberLength);
        Check(fields, "extension", request.Extension, AgentExtension.MaxExtensionLength);
        if (request.RecordingUrl is { Length: > 0 } url && (url.Length > CallRecord.MaxUrlLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            fields.Add(new FieldRefusal("recordingUrl", LocalizableText.Of("The recording link is an http(s) address of at most {0} characters.", CallRecord.MaxUrlLength)));
        }

        return fields.Count == 0 ? null : Sdk.Results.Refusal.Invalid("service/call-invalid", fields).Titled("The call event is not valid");
    }

    private static void Check(List<FieldRefusal> fields, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            fields.Add(new FieldRefusal(field, LocalizableText.Of("At most {0} characters.", max)));
        }
    }
}
