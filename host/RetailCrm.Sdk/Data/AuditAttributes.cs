namespace RetailCrm.Sdk.Data;

/// <summary>Keeps a property's values out of the audit log (shown as <c>***</c>): hashes, secrets, PINs.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;

/// <summary>Shows only the last characters of a property's values in the audit log (card numbers: <c>************1234</c>).</summary>
/// <param name="keepLast">How many of the last characters stay readable.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaskedAttribute(int keepLast = 4) : Attribute
{
    /// <summary>How many of the last characters stay readable.</summary>
    public int KeepLast { get; } = keepLast;
}

/// <summary>Keeps an entity's writes out of the audit log: infrastructure rows such as deliveries, leases and nonces.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;
