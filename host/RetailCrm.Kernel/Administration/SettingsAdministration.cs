using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Kernel.Settings;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Kernel.Administration;

/// <summary>A setting of the kernel or of an enabled module with the value that applies for the current tenant and user.</summary>
public sealed record SettingDto(string Name, string Module, string Type, string? Value, string? DefaultValue, IReadOnlyList<string> Choices, bool UserOverridable);

/// <summary>Where a setting's effective value comes from, in the order they win.</summary>
public enum SettingSource
{
    User,
    Tenant,
    Global,
    Configuration,
    Default,
}

/// <summary>One setting with its value at each level and the one that wins for the signed-in user.</summary>
public sealed record SettingRow(SettingDefinition Definition, string? Value, SettingSource Source, string? UserValue, string? TenantValue, string? GlobalValue, string? ConfigurationValue);

/// <summary>Every visible setting at every level, and whether the signed-in user may set global values.</summary>
public sealed record SettingsOverview(IReadOnlyList<SettingRow> Settings, bool CanSetGlobal);

/// <summary>
/// The settings of the kernel and of the current tenant's enabled modules: values per tenant, per user where the
/// setting allows it, and global values, which only the platform operator sets.
/// </summary>
public interface ISettingsAdministration
{
    /// <summary>Every visible setting with its effective value.</summary>
    Task<IReadOnlyList<SettingDto>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every visible setting with its value at each level (user &gt; tenant &gt; global &gt; configuration &gt;
    /// default), so that a page can say which one won.
    /// </summary>
    Task<SettingsOverview> OverviewAsync(CancellationToken cancellationToken);

    /// <summary>Stores a value at a scope, or clears it with null; answers the setting with its new effective value.</summary>
    Task<Result<SettingDto>> SetAsync(string name, string? value, SettingScope scope, CancellationToken cancellationToken);
}

internal sealed class SettingsAdministration(
    KernelDbContext db,
    SettingDefinitions definitions,
    ISettingProvider settings,
    ModuleToggles toggles,
    ICurrentTenant tenant,
    ICurrentUser user,
    IPermissionChecker permissions,
    IConfiguration configuration) : ISettingsAdministration
{
    public async Task<IReadOnlyList<SettingDto>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new List<SettingDto>();
        foreach (var definition in await VisibleAsync(cancellationToken))
        {
            result.Add(await ToDtoAsync(definition, cancellationToken));
        }

        return result;
    }

    public async Task<SettingsOverview> OverviewAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenant.Id;
        var userId = user.Id;
        var stored = await db.SettingValues.AsNoTracking()
            .Where(v => v.Scope == SettingScope.Global
                || (v.Scope == SettingScope.Tenant && v.TenantId == tenantId)
                || (v.Scope == SettingScope.User && v.TenantId == tenantId && v.UserId == userId))
            .ToListAsync(cancellationToken);
        string? Stored(string name, SettingScope scope) => stored.FirstOrDefault(v => v.Name == name && v.Scope == scope)?.Value;

        var rows = new List<SettingRow>();
        foreach (var definition in await VisibleAsync(cancellationToken))
        {
            var mine = definition.UserOverridable && userId is not null ? Stored(definition.Name, SettingScope.User) : null;
            var tenantValue = Stored(definition.Name, SettingScope.Tenant);
            var global = Stored(definition.Name, SettingScope.Global);
            var configured = configuration["Settings:" + definition.Name];
            var (value, source) = mine is not null ? (mine, SettingSource.User)
                : tenantValue is not null ? (tenantValue, SettingSource.Tenant)
                : global is not null ? (global, SettingSource.Global)
                : configured is not null ? (configured, SettingSource.Configuration)
                : (definition.DefaultValue, SettingSource.Default);
            rows.Add(new SettingRow(definition, Shown(definition, value), source, Shown(definition, mine), Shown(definition, tenantValue), Shown(definition, global), Shown(definition, configured)));
        }

        return new SettingsOverview(rows, await CanSetGlobalAsync(cancellationToken));
    }

    public async Task<Result<SettingDto>> SetAsync(string name, string? value, SettingScope scope, CancellationToken cancellationToken)
    {
        var definition = (await VisibleAsync(cancellationToken)).FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
        if (definition is null)
        {
            return Refusal.NotFound("setting-not-found", "No setting '{0}' is defined.", name);
        }

        if (scope == SettingScope.Global && !await CanSetGlobalAsync(cancellationToken))
        {
            return Refusal.Forbidden("forbidden", "Global settings are kept by the platform operator.");
        }

        if (scope == SettingScope.User && !definition.UserOverridable)
        {
            return Refusal.Invalid("invalid-setting", "scope", "{0} cannot be set per user.", definition.Name);
        }

        if (value is not null && Invalid(definition, value) is { } invalid)
        {
            return invalid;
        }

        await settings.SetAsync(definition.Name, value, scope, cancellationToken);
        return await ToDtoAsync(definition, cancellationToken);
    }

    /// <summary>Why a value does not fit the definition: its type or choices, or the definition's own check.</summary>
    private static Refusal? Invalid(SettingDefinition definition, string value)
    {
        if (Fits(definition, value))
        {
            return null;
        }

        if (definition.Validator is { } check && Fits(definition with { Validator = null }, value) && check(value) is { } reason)
        {
            return Refusal.Invalid("invalid-setting", "value", "'{0}' is not a valid value for {1}. {2}", value, definition.Name, reason);
        }

        return definition.Type == SettingType.Choice
            ? Refusal.Invalid("invalid-setting", "value", "'{0}' is not a valid value for {1}. Expected one of: {2}.", value, definition.Name, string.Join(", ", definition.Choices))
            : Refusal.Invalid("invalid-setting", "value", "'{0}' is not a valid value for {1}. Expected a value of type {2}.", value, definition.Name, definition.Type.ToString().ToLowerInvariant());
    }

    private static bool Fits(SettingDefinition definition, string value)
    {
        try
        {
            SettingDefinitions.Validate(definition, value);
            return true;
        }
        catch (SettingValidationException)
        {
            return false;
        }
    }

    /// <summary>What pages and the API show of a value: a secret only as set or not.</summary>
    public const string SecretMask = "********";

    private static string? Shown(SettingDefinition definition, string? value) => definition.IsSecret && value is not null ? SecretMask : value;

    private Task<bool> CanSetGlobalAsync(CancellationToken cancellationToken) => permissions.IsGrantedAsync(KernelPermissions.Tenants, cancellationToken);

    private async Task<IReadOnlyList<SettingDefinition>> VisibleAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenant.Id ?? throw new InvalidOperationException("Settings administration needs a current tenant.");
        return definitions.VisibleFor(await toggles.GetEnabledAsync(tenantId, cancellationToken)).ToList();
    }

    private async Task<SettingDto> ToDtoAsync(SettingDefinition definition, CancellationToken cancellationToken) =>
        new(definition.Name, definition.ModuleId.Length == 0 ? "crm" : definition.ModuleId, definition.Type.ToString(),
            Shown(definition, await settings.GetAsync(definition.Name, cancellationToken)), definition.DefaultValue, definition.Choices, definition.UserOverridable);
}
