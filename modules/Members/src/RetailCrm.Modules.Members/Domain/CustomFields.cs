using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Members.Domain;

internal enum CustomFieldType
{
    Text,
    Number,
    Date,
    Choice,
}

/// <summary>A field a tenant adds to its customers; shown on the forms and in the API, validated and searchable.</summary>
internal sealed class CustomFieldDefinition : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Stable key used in the API and imports, e.g. <c>shoe_size</c>.</summary>
    public string Key { get; set; } = "";

    public string Label { get; set; } = "";

    public string? LabelZh { get; set; }

    public CustomFieldType Type { get; set; }

    /// <summary>Allowed values of a choice field, separated by <c>|</c>.</summary>
    public string? Choices { get; set; }

    public bool Required { get; set; }

    public int Order { get; set; }

    public IReadOnlyList<string> ChoiceList => (Choices ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A customer's value of a custom field, stored as invariant text (numbers with '.', dates as yyyy-MM-dd).</summary>
internal sealed class CustomerFieldValue : ITenantOwned
{
    public Guid CustomerId { get; set; }

    public Guid TenantId { get; set; }

    public string FieldKey { get; set; } = "";

    public string Value { get; set; } = "";
}

/// <summary>The next number of the tenant's customer codes; incremented atomically.</summary>
internal sealed class CodeSequence : ITenantOwned
{
    public Guid TenantId { get; set; }

    public string Name { get; set; } = "";

    public long NextValue { get; set; }
}
