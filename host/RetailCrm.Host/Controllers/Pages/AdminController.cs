using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Host.Controllers.Pages;

public sealed record ModulesPage(IReadOnlyList<InstalledModule> Modules, IReadOnlySet<string> Enabled, string? Message, string? Error);

/// <summary>The administration pages of the current tenant.</summary>
[Route("admin")]
[AutoValidateAntiforgeryToken]
public sealed partial class AdminController(ModuleCatalog catalog, ModuleToggles toggles, ICurrentTenant tenant, KernelDbContext db) : Controller
{
    private const string MessageKey = "message";
    private const string ErrorKey = "error";

    [HttpGet("modules")]
    [RequirePermission(KernelPermissions.Modules)]
    public async Task<IActionResult> Modules(CancellationToken cancellationToken) =>
        View(new ModulesPage(catalog.All.Where(m => !m.IsPlugin).ToList(), await toggles.GetEnabledAsync(tenant.Id!.Value, cancellationToken), TempData[MessageKey] as string, TempData[ErrorKey] as string));

    [HttpPost("modules/{id}")]
    [RequirePermission(KernelPermissions.Modules)]
    public async Task<IActionResult> ToggleModule(string id, bool enabled, string? returnTo, CancellationToken cancellationToken)
    {
        var result = await toggles.SetAsync(tenant.Id!.Value, id, enabled, cancellationToken);
        if (result.Succeeded)
        {
            TempData[MessageKey] = result.Changed.Count == 0 ? $"'{id}' was already {(enabled ? "on" : "off")}." : $"{(enabled ? "Enabled" : "Disabled")}: {string.Join(", ", result.Changed)}.";
        }
        else
        {
            TempData[ErrorKey] = result.Error;
        }

        return RedirectToAction(returnTo == "plugins" ? nameof(Plugins) : nameof(Modules));
    }

    [HttpGet("plugins")]
    [RequirePermission(KernelPermissions.Plugins)]
    public async Task<IActionResult> Plugins(CancellationToken cancellationToken) =>
        View(new ModulesPage(catalog.All.Where(m => m.IsPlugin).ToList(), await toggles.GetEnabledAsync(tenant.Id!.Value, cancellationToken), TempData[MessageKey] as string, TempData[ErrorKey] as string));

    [HttpGet("tenants")]
    [RequirePermission(KernelPermissions.Tenants)]
    public async Task<IActionResult> Tenants([FromServices] TenantStore tenants, CancellationToken cancellationToken)
    {
        ViewData[MessageKey] = TempData[MessageKey];
        ViewData[ErrorKey] = TempData[ErrorKey];
        return View(await tenants.ListAsync(cancellationToken));
    }

    [HttpPost("tenants")]
    [RequirePermission(KernelPermissions.Tenants)]
    public async Task<IActionResult> CreateTenant(string name, string? hostNames, string adminUserName, string adminPassword, [FromServices] TenantProvisioner provisioner, [FromServices] TenantStore tenants, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(adminUserName) || (adminPassword?.Length ?? 0) < 10)
        {
            TempData[ErrorKey] = "A tenant needs a name, an administrator and a password of at least 10 characters.";
        }
        else if (await tenants.FindByNameAsync(name.Trim(), cancellationToken) is not null)
        {
            TempData[ErrorKey] = $"A tenant named '{name}' exists.";
        }
        else
        {
            try
            {
                await provisioner.CreateAsync(new NewTenant(name, (hostNames ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries), adminUserName, adminPassword!), cancellationToken);
                TempData[MessageKey] = $"Created tenant {name}.";
            }
            catch (InvalidOperationException e)
            {
                TempData[ErrorKey] = e.Message;
            }
        }

        return RedirectToAction(nameof(Tenants));
    }

    [HttpGet("audit")]
    [RequirePermission(KernelPermissions.Audit)]
    public async Task<IActionResult> Audit(string? entityType, [FromServices] AuditReader reader, CancellationToken cancellationToken) =>
        View(await reader.ReadAsync(entityType, 200, cancellationToken));

    [HttpGet("events")]
    [RequirePermission(KernelPermissions.Events)]
    public async Task<IActionResult> Events(CancellationToken cancellationToken) =>
        View(await db.EventDeliveries.AsNoTracking().Where(d => d.TenantId == tenant.Id && d.Status != DeliveryStatus.Delivered && d.Status != DeliveryStatus.Skipped)
            .OrderByDescending(d => d.Attempts).Take(200).ToListAsync(cancellationToken));
}
