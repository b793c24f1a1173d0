using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Settings;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Host.Controllers.Pages;

/// <summary>Settings: the tenant's value, the signed-in user's own value where allowed, and the global value for the platform operator.</summary>
public sealed partial class AdminController
{
    [HttpGet("settings")]
    [RequirePermission(KernelPermissions.Settings)]
    public async Task<IActionResult> Settings(CancellationToken cancellationToken) => View(nameof(Settings), await settings.OverviewAsync(cancellationToken));

    [HttpPost("settings/{name}")]
    [RequirePermission(KernelPermissions.Settings)]
    [PostOnce]
    public Task<IActionResult> SaveSetting(string name, string? value, bool clear, CancellationToken cancellationToken) =>
        SaveSettingAsync(name, value, clear, SettingScope.Tenant, cancellationToken);

    [HttpPost("settings/{name}/mine")]
    [RequirePermission(KernelPermissions.Settings)]
    [PostOnce]
    public Task<IActionResult> SaveMySetting(string name, string? value, bool clear, CancellationToken cancellationToken) =>
        SaveSettingAsync(name, value, clear, SettingScope.User, cancellationToken);

    [HttpPost("settings/{name}/global")]
    [RequirePermission(KernelPermissions.Settings)]
    [RequirePermission(KernelPermissions.Tenants)]
    [PostOnce]
    public Task<IActionResult> SaveGlobalSetting(string name, string? value, bool clear, CancellationToken cancellationToken) =>
        SaveSettingAsync(name, value, clear, SettingScope.Global, cancellationToken);

    /// <summary>The form of one setting at one scope.</summary>
    public static string SettingForm(SettingScope scope, string name) => $"setting-{scope}-{name}";

    /// <summary>The label of a scope's column, also used in notices.</summary>
    public static string ScopeLabel(SettingScope scope) => scope switch
    {
        SettingScope.User => "My value",
        SettingScope.Global => "Global value",
        _ => "Value for this tenant",
    };

    private async Task<IActionResult> SaveSettingAsync(string name, string? value, bool clear, SettingScope scope, CancellationToken cancellationToken)
    {
        value = clear || string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return await AnswerAsync(await settings.SetAsync(name, value, scope, cancellationToken), SettingForm(scope, name), () => Settings(cancellationToken),
            setting => Done("/admin/settings", value is null ? "Cleared {0} ({1})." : "Saved {0} ({1}).", SettingTitle(setting.Name), T(ScopeLabel(scope))));
    }

    /// <summary>The setting's name as the page shows it, in the user's language (not its key).</summary>
    private string SettingTitle(string name)
    {
        var definition = HttpContext.RequestServices.GetRequiredService<SettingDefinitions>().Get(name);
        return ReaderLanguage.IsChinese && definition.DisplayNameZh is { } chinese
            ? chinese
            : definition.DisplayName;
    }
}
