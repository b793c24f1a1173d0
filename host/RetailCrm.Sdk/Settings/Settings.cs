namespace RetailCrm.Sdk.Settings;

/// <summary>The type a setting's value must parse as.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The values name the types a setting parses as, and are written so in settings files and the API.")]
public enum SettingType
{
    /// <summary>Any text.</summary>
    String,

    /// <summary>A whole number.</summary>
    Int,

    /// <summary>A decimal number (invariant culture, <c>.</c> as separator).</summary>
    Decimal,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary>One of <see cref="SettingDefinition.Choices"/>.</summary>
    Choice,
}

/// <summary>
/// A setting a module declares. Values resolve user &gt; tenant &gt; global &gt; configuration
/// (<c>Settings:{Name}</c>) &gt; <see cref="DefaultValue"/>.
/// </summary>
public sealed record SettingDefinition(string Name, SettingType Type, string? DefaultValue, string DisplayName, string? DisplayNameZh = null)
{
    /// <summary>Allowed values when <see cref="Type"/> is <see cref="SettingType.Choice"/>.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Whether a user may override the tenant's value for himself.</summary>
    public bool UserOverridable { get; init; }

    /// <summary>A further check of a value that fits the type: returns why it is refused, or null. E.g. a code format needing <c>{seq:N}</c>.</summary>
    public Func<string, string?>? Validator { get; init; }

    /// <summary>
    /// A secret such as a password: stored encrypted (ASP.NET Core Data Protection), never shown back on pages or by the
    /// API (they show only whether it is set); <see cref="ISettingProvider.GetAsync"/> answers it in clear.
    /// </summary>
    public bool IsSecret { get; init; }

    /// <summary>Id of the module that declared it; set by the kernel.</summary>
    public string ModuleId { get; internal set; } = "";
}

/// <summary>Collects setting definitions from providers.</summary>
public interface ISettingDefinitionContext
{
    /// <summary>Declares a setting; names are unique across modules.</summary>
    SettingDefinition Add(SettingDefinition definition);
}

/// <summary>Declares a module's settings. Register with <c>services.AddSingleton&lt;ISettingDefinitionProvider, T&gt;()</c>.</summary>
public interface ISettingDefinitionProvider
{
    /// <summary>Declares the module's settings into the context.</summary>
    void Define(ISettingDefinitionContext context);
}

/// <summary>Where a setting value is stored.</summary>
public enum SettingScope
{
    /// <summary>For every tenant (kept by the platform operator).</summary>
    Global,

    /// <summary>For the current tenant.</summary>
    Tenant,

    /// <summary>For the current user, when the definition allows it.</summary>
    User,
}

/// <summary>Reads and writes settings for the current tenant and user.</summary>
public interface ISettingProvider
{
    /// <summary>The effective value after the fallback chain; null only when nothing defines one.</summary>
    Task<string?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The effective value as a whole number (0 when none is defined).</summary>
    Task<int> GetIntAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The effective value as a flag (false when none is defined).</summary>
    Task<bool> GetBoolAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a value at a scope (null clears it). Throws <see cref="SettingValidationException"/>
    /// when the value does not fit the definition's type.
    /// </summary>
    Task SetAsync(string name, string? value, SettingScope scope, CancellationToken cancellationToken = default);
}

/// <summary>A setting value that does not fit its definition.</summary>
public sealed class SettingValidationException(string settingName, string message) : Exception(message)
{
    /// <summary>The setting whose value was refused.</summary>
    public string SettingName { get; } = settingName;
}
