using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Host.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Settings;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Host.Controllers.Pages;

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

public sealed record SettingsPage(IReadOnlyList<SettingRow> Settings, bool CanSetGlobal, FormState? Form, string? Message, string? Error);

/// <summary>Settings: the tenant's value, the signed-in user's own value where allowed, and the global value for the platform operator.</summary>
public sealed partial class AdminController
{
    [HttpGet("settings")]
    [RequirePermission(KernelPermissions.Settings)]
    public async Task<IActionResult> Settings(CancellationToken cancellationToken) =>
        View(await SettingsPageAsync(null, cancellationToken));

    [HttpPost("settings/{name}")]
    [RequirePermission(KernelPermissions.Settings)]
    public Task<IActionResult> SaveSetting(string name, string? value, bool clear, CancellationToken cancellationToken) =>
        SaveSettingAsync(name, value, clear, SettingScope.Tenant, cancellationToken);

    [HttpPost("settings/{name}/mine")]
    [RequirePermission(KernelPermissions.Settings)]
    public Task<IActionResult> SaveMySetting(string name, string? value, bool clear, CancellationToken cancellationToken) =>
        SaveSettingAsync(name, value, clear, SettingScope.User, cancellationToken);

    [HttpPost("settings/{name}/global")]
    [RequirePermission(KernelPermissions.Settings)]
    [RequirePermission(KernelPermissions.Tenants)]
    public Task<IActionResult> SaveGlobalSetting(string name, string? value, bool clear, CancellationToken cancellationToken) =>
        SaveSettingAsync(name, value, clear, SettingScope.Global, cancellationToken);

    private async Task<IActionResult> SaveSettingAsync(string name, string? value, bool clear, SettingScope scope, CancellationToken cancellationToken)
    {
        var definition = await VisibleSettingAsync(name, cancellationToken);
        if (definition is null || (scope == SettingScope.User && !definition.UserOverridable))
        {
            return NotFound();
        }

        value = clear || string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        try
        {
            await HttpContext.RequestServices.GetRequiredService<ISettingProvider>().SetAsync(definition.Name, value, scope, cancellationToken);
        }
        catch (SettingValidationException)
        {
            var refused = AdminResult.Invalid("value", "invalid-setting", "'{0}' is not a valid value for {1}.", value!, definition.Name);
            return View(nameof(Settings), await SettingsPageAsync(Refused($"setting-{scope}-{definition.Name}", refused), cancellationToken));
        }

        return Done(nameof(Settings), value is null ? "Cleared {0} ({1})." : "Saved {0} ({1}).", definition.Name, T[ScopeLabel(scope)].Value);
    }

    /// <summary>The label of a scope's column, also used in messages.</summary>
    public static string ScopeLabel(SettingScope scope) => scope switch
    {
        SettingScope.User => "My value",
        SettingScope.Global => "Global value",
        _ => "Value for this tenant",
    };

    private async Task<SettingDefinition?> VisibleSettingAsync(string name, CancellationToken cancellationToken)
    {
        var enabled = await toggles.GetEnabledAsync(tenant.Id!.Value, cancellationToken);
        return HttpContext.RequestServices.GetRequiredService<SettingDefinitions>().VisibleFor(enabled)
            .FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Resolves each setting the way the kernel's setting provider does (user &gt; tenant &gt; global &gt;
    /// configuration &gt; default), keeping every level so that the page can say which one won.
    /// </summary>
    private async Task<SettingsPage> SettingsPageAsync(FormState? form, CancellationToken cancellationToken)
    {
        var services = HttpContext.RequestServices;
        var configuration = services.GetRequiredService<IConfiguration>();
        var tenantId = tenant.Id!.Value;
        var userId = services.GetRequiredService<ICurrentUser>().Id;
        var enabled = await toggles.GetEnabledAsync(tenantId, cancellationToken);
        var stored = await db.SettingValues.AsNoTracking()
            .Where(v => v.Scope == SettingScope.Global
                || (v.Scope == SettingScope.Tenant && v.TenantId == tenantId)
                || (v.Scope == SettingScope.User && v.TenantId == tenantId && v.UserId == userId))
            .ToListAsync(cancellationToken);
        string? Stored(string name, SettingScope scope) => stored.FirstOrDefault(v => v.Name == name && v.Scope == scope)?.Value;

        var rows = new List<SettingRow>();
        foreach (var definition in services.GetRequiredService<SettingDefinitions>().VisibleFor(enabled))
        {
            var user = definition.UserOverridable && userId is not null ? Stored(definition.Name, SettingScope.User) : null;
            var tenantValue = Stored(definition.Name, SettingScope.Tenant);
            var global = Stored(definition.Name, SettingScope.Global);
            var configured = configuration["Settings:" + definition.Name];
            var (value, source) = user is not null ? (user, SettingSource.User)
                : tenantValue is not null ? (tenantValue, SettingSource.Tenant)
                : global is not null ? (global, SettingSource.Global)
                : configured is not null ? (configured, SettingSource.Configuration)
                : (definition.DefaultValue, SettingSource.Default);
            rows.Add(new SettingRow(definition, value, source, user, tenantValue, global, configured));
        }

        var canSetGlobal = await services.GetRequiredService<IPermissionChecker>().IsGrantedAsync(KernelPermissions.Tenants, cancellationToken);
        return new SettingsPage(rows, canSetGlobal, form, Message, Error);
    }
}
