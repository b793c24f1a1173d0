using System.Text.Encodings.Web;
using System.Text.Json;

namespace RetailCrm.Kernel.Data;

/// <summary>One property of an audited write: its value before and after (null where the write had none, e.g. on create).</summary>
public sealed record AuditChange(string Field, string? Old, string? New, bool HadOld, bool HasNew);

/// <summary>
/// The changes of an audit entry as people read them: the stored JSON object (<c>{"Name":{"old":..,"new":..}}</c>)
/// parsed, so escapes such as <c>\u0022</c> or <c>\u4E1C</c> become the characters they stand for.
/// </summary>
public static class AuditChanges
{
    private static readonly JsonSerializerOptions s_readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<AuditChange> Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [new AuditChange("", null, Text(document.RootElement), false, true)];
            }

            return [.. document.RootElement.EnumerateObject().Select(Change)];
        }
        catch (JsonException)
        {
            return [new AuditChange("", null, json, false, true)];
        }
    }

    private static AuditChange Change(JsonProperty property)
    {
        if (property.Value.ValueKind != JsonValueKind.Object)
        {
            return new AuditChange(property.Name, null, Text(property.Value), false, true);
        }

        var hadOld = property.Value.TryGetProperty("old", out var old);
        var hasNew = property.Value.TryGetProperty("new", out var @new);
        return new AuditChange(property.Name, hadOld ? Text(old) : null, hasNew ? Text(@new) : null, hadOld, hasNew);
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object or JsonValueKind.Array => JsonSerializer.Serialize(value, s_readable),
        _ => value.GetRawText(),
    };
}
