using System.Text.Json;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Tickets;

/// <summary>The kinds of input a ticket type's own field takes.</summary>
internal enum TicketFieldKind
{
    Text,
    Number,
    Date,
    Select,
}

/// <summary>A field a ticket type adds to its tickets, e.g. the delivery date of a phone order.</summary>
internal sealed record TicketFieldDefinition(string Key, string Label, string LabelZh, TicketFieldKind Kind, bool Required = false)
{
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>The label in the reader's language: the Chinese one when there is one and the reader reads Chinese.</summary>
    public string DisplayLabel(bool chinese) => chinese && LabelZh.Length > 0 ? LabelZh : Label;
}

/// <summary>
/// A type of ticket of one tenant: inquiry, complaint, repair request, phone order, follow-up visit, market survey,
/// or one the tenant adds. It names its own fields and whether closing schedules a follow-up visit.
/// </summary>
internal sealed class TicketType : ITenantOwned
{
    public const int MaxKeyLength = 40;
    public const int MaxNameLength = 80;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private TicketType()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    /// <summary>Stable key, e.g. <c>complaint</c>; rules, policies and templates name types by it.</summary>
    public string Key { get; private set; } = "";

    public string Name { get; set; } = "";

    public string NameZh { get; set; } = "";

    public int Order { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Days after closing when a follow-up visit (回访) ticket is opened for the owning agent; null for none.</summary>
    public int? FollowUpAfterDays { get; set; }

    public string FieldsJson { get; private set; } = "[]";

    public IReadOnlyList<TicketFieldDefinition> Fields
    {
        get => JsonSerializer.Deserialize<List<TicketFieldDefinition>>(FieldsJson, Json) ?? [];
        set => FieldsJson = JsonSerializer.Serialize(value, Json);
    }

    public string DisplayName(bool chinese) => chinese && NameZh.Length > 0 ? NameZh : Name;

    public static TicketType Create(string key, string name, string nameZh, int order, IReadOnlyList<TicketFieldDefinition>? fields = null, int? followUpAfterDays = null) =>
        new() { Id = Guid.NewGuid(), Key = key, Name = name, NameZh = nameZh, Order = order, Fields = fields ?? [], FollowUpAfterDays = followUpAfterDays };
}
