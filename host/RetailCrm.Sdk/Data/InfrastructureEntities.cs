namespace RetailCrm.Sdk.Data;

/// <summary>An integration event waiting in a module's outbox, written in the transaction that raised it.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public Guid? TenantId { get; set; }

    public string EventName { get; set; } = "";

    public string Payload { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    /// <summary>Set when every handler has taken the event or given up on it.</summary>
    public DateTime? ProcessedAt { get; set; }
}

/// <summary>One write recorded by the audit log: who, which tenant, what, when and the changes.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }

    public Guid? TenantId { get; set; }

    public string? UserName { get; set; }

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    /// <summary>Created, Updated or Deleted.</summary>
    public string Action { get; set; } = "";

    /// <summary>JSON object: property name to <c>{"old": ..., "new": ...}</c>.</summary>
    public string Changes { get; set; } = "{}";

    public DateTime OccurredAt { get; set; }
}

/// <summary>Keeps a property's values out of the audit log (shown as <c>***</c>): hashes, secrets, PINs.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;

/// <summary>Shows only the last characters of a property's values in the audit log (card numbers: <c>************1234</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaskedAttribute(int keepLast = 4) : Attribute
{
    public int KeepLast { get; } = keepLast;

    public string Mask(string value) => value.Length <= KeepLast ? new string('*', value.Length) : new string('*', value.Length - KeepLast) + value[^KeepLast..];
}

/// <summary>Keeps an entity's writes out of the audit log: infrastructure rows such as deliveries and leases.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;
