using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Host.Controllers.Pages;

/// <summary>
/// The administration pages of the current tenant. Each calls the kernel's administration services: a form that
/// is done redirects with a notice, a refused one shows its page again with the errors at their fields.
/// </summary>
[Route("admin")]
public sealed partial class AdminController(
    IModuleAdministration modules,
    ITenantAdministration tenants,
    IUserAdministration users,
    IRoleAdministration roles,
    IUnitAdministration units,
    ISettingsAdministration settings,
    ICurrentUser currentUser) : CrmPageController
{
    public const string ToggleForm = "toggle";
    public const string NewTenantForm = "new-tenant";

    [HttpGet("modules")]
    [RequirePermission(KernelPermissions.Modules)]
    public Task<IActionResult> Modules(CancellationToken cancellationToken) => ModulesPageAsync(ModuleKind.Module, cancellationToken);

    [HttpPost("modules/{id}")]
    [RequirePermission(KernelPermissions.Modules)]
    [PostOnce]
    public async Task<IActionResult> ToggleModule(string id, bool enabled, string? returnTo, CancellationToken cancellationToken)
    {
        var kind = returnTo == "plugins" ? ModuleKind.Plugin : ModuleKind.Module;
        var page = kind == ModuleKind.Plugin ? "/admin/plugins" : "/admin/modules";
        return await AnswerAsync(await modules.SetEnabledAsync(id, enabled, cancellationToken), ToggleForm, () => ModulesPageAsync(kind, cancellationToken), change =>
            change.Changed.Count == 0 ? Done(page, enabled ? "'{0}' was already on." : "'{0}' was already off.", change.Id)
            : Done(page, enabled ? "Enabled: {0}." : "Disabled: {0}.", string.Join(", ", change.Changed)));
    }

    [HttpGet("plugins")]
    [RequirePermission(KernelPermissions.Plugins)]
    public Task<IActionResult> Plugins(CancellationToken cancellationToken) => ModulesPageAsync(ModuleKind.Plugin, cancellationToken);

    [HttpGet("tenants")]
    [RequirePermission(KernelPermissions.Tenants)]
    public async Task<IActionResult> Tenants(CancellationToken cancellationToken) => View(nameof(Tenants), await tenants.ListAsync(cancellationToken));

    [HttpPost("tenants")]
    [RequirePermission(KernelPermissions.Tenants)]
    [PostOnce]
    public async Task<IActionResult> CreateTenant(string? name, string? hostNames, string? adminUserName, string? adminPassword, CancellationToken cancellationToken)
    {
        var tenant = new NewTenant(name ?? "", (hostNames ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries), adminUserName ?? "", adminPassword ?? "");
        return await AnswerAsync(await tenants.CreateAsync(tenant, cancellationToken), NewTenantForm, () => Tenants(cancellationToken),
            created => Done("/admin/tenants", "Created tenant {0}.", created.Name));
    }

    [HttpPost("tenants/{id:guid}/status")]
    [RequirePermission(KernelPermissions.Tenants)]
    [PostOnce]
    public async Task<IActionResult> SetTenantStatus(Guid id, TenantStatus status, CancellationToken cancellationToken) =>
        await AnswerAsync(await tenants.SetStatusAsync(id, status, cancellationToken), StatusForm(id), () => Tenants(cancellationToken),
            tenant => Done("/admin/tenants", status == TenantStatus.Suspended ? "Suspended tenant {0}." : "Resumed tenant {0}.", tenant.Name));

    private const int AuditPageSize = 50;

    /// <summary>The form that suspends or resumes one tenant.</summary>
    public static string StatusForm(Guid tenantId) => "status-" + tenantId;

    [HttpGet("audit")]
    [RequirePermission(KernelPermissions.Audit)]
    public async Task<IActionResult> Audit(string? module, string? entityType, string? user, int? page, [FromServices] AuditReader reader, CancellationToken cancellationToken)
    {
        var (number, size) = Pager.Clamp(page, null, AuditPageSize);
        var filter = new AuditFilter(module, entityType, user);
        return View(new AuditLogPage(filter, reader.ModuleIds, await reader.ReadPageAsync(filter, number, size, cancellationToken)));
    }

    [HttpGet("events")]
    [RequirePermission(KernelPermissions.Events)]
    public async Task<IActionResult> Events([FromServices] IEventDeliveryAdministration events, CancellationToken cancellationToken) =>
        View(nameof(Events), await events.WaitingAsync(cancellationToken));

    [HttpPost("events/{id:guid}/retry")]
    [RequirePermission(KernelPermissions.Events)]
    [PostOnce]
    public async Task<IActionResult> RetryEvent(Guid id, [FromServices] IEventDeliveryAdministration events, CancellationToken cancellationToken) =>
        await AnswerAsync(await events.RetryAsync(id, cancellationToken), RetryForm, () => Events(events, cancellationToken),
            delivery => Done("/admin/events", "{0} to {1} is sent again.", delivery.EventName, delivery.Handler));

    /// <summary>The forms that send a delivery again: their refusal shows above the list, also when the delivery is gone.</summary>
    public const string RetryForm = "retry";

    private async Task<IActionResult> ModulesPageAsync(ModuleKind kind, CancellationToken cancellationToken) =>
        View(kind == ModuleKind.Plugin ? nameof(Plugins) : nameof(Modules), await modules.ListAsync(kind, cancellationToken));

    /// <summary>A text of the pages in the user's language, e.g. an argument of a notice.</summary>
    private string T(string text) => HttpContext.RequestServices.GetRequiredService<IPageLocalizer>().Text(LocalizableText.Of(text));

    /// <summary>
    /// The answer to a posted form: what <paramref name="done"/> makes of the result (a redirect with a notice), or the
    /// form's page again with the refusal at its fields, or 404 when what the form names does not exist (any more).
    /// </summary>
    private async Task<IActionResult> AnswerAsync<TValue>(Result<TValue> result, string formId, Func<Task<IActionResult>> page, Func<TValue, IActionResult> done) =>
        !result.IsRefused ? done(result.Value)
        : result.Refusal.Kind == RefusalKind.NotFound ? NotFound()
        : await RefusedAsync(result.Refusal, page, formId);
}

/// <summary>The audit log's page: the filter, the modules to filter by and the page of entries.</summary>
public sealed record AuditLogPage(AuditFilter Filter, IReadOnlyList<string> ModuleIds, AuditPage Result);
