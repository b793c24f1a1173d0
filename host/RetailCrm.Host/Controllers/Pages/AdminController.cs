using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Identity;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Kernel.Settings;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Host.Controllers.Pages;

public sealed record ModulesPage(IReadOnlyList<InstalledModule> Modules, IReadOnlySet<string> Enabled, string? Message, string? Error);

public sealed record SettingsPage(IReadOnlyList<(SettingDefinition Definition, string? Value)> Settings, string? Message, string? Error);

public sealed record UsersPage(IReadOnlyList<User> Users, IReadOnlyList<Role> Roles, IReadOnlyList<OrganizationUnit> Units, string? Message, string? Error);

public sealed record RolesPage(IReadOnlyList<Role> Roles, IReadOnlyCollection<PermissionDefinition> Permissions, string? Message);

/// <summary>The administration pages of the current tenant.</summary>
[Route("admin")]
[AutoValidateAntiforgeryToken]
public sealed class AdminController(ModuleCatalog catalog, ModuleToggles toggles, ICurrentTenant tenant, KernelDbContext db) : Controller
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

    [HttpGet("settings")]
    [RequirePermission(KernelPermissions.Settings)]
    public async Task<IActionResult> Settings([FromServices] SettingDefinitions definitions, [FromServices] ISettingProvider settings, CancellationToken cancellationToken)
    {
        var enabled = await toggles.GetEnabledAsync(tenant.Id!.Value, cancellationToken);
        var rows = new List<(SettingDefinition, string?)>();
        foreach (var definition in definitions.VisibleFor(enabled))
        {
            rows.Add((definition, await settings.GetAsync(definition.Name, cancellationToken)));
        }

        return View(new SettingsPage(rows, TempData[MessageKey] as string, TempData[ErrorKey] as string));
    }

    [HttpPost("settings/{name}")]
    [RequirePermission(KernelPermissions.Settings)]
    public async Task<IActionResult> SaveSetting(string name, string? value, [FromServices] ISettingProvider settings, CancellationToken cancellationToken)
    {
        try
        {
            await settings.SetAsync(name, string.IsNullOrEmpty(value) ? null : value, SettingScope.Tenant, cancellationToken);
            TempData[MessageKey] = $"Saved {name}.";
        }
        catch (SettingValidationException e)
        {
            TempData[ErrorKey] = e.Message;
        }

        return RedirectToAction(nameof(Settings));
    }

    [HttpGet("users")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IActionResult> Users(CancellationToken cancellationToken) =>
        View(new UsersPage(
            await db.Users.AsNoTracking().Include(u => u.Roles).OrderBy(u => u.UserName).ToListAsync(cancellationToken),
            await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken),
            await db.OrganizationUnits.AsNoTracking().OrderBy(u => u.Path).ToListAsync(cancellationToken),
            TempData[MessageKey] as string,
            TempData[ErrorKey] as string));

    [HttpPost("users")]
    [RequirePermission(KernelPermissions.Users)]
    public async Task<IActionResult> CreateUser(string userName, string displayName, string password, Guid? unitId, Guid? roleId, [FromServices] UserAccounts accounts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password) || password.Length < 10)
        {
            TempData[ErrorKey] = "A user needs a name and a password of at least 10 characters.";
        }
        else if (await db.Users.AnyAsync(u => u.UserName == userName.Trim(), cancellationToken))
        {
            TempData[ErrorKey] = $"A user '{userName}' exists.";
        }
        else
        {
            await accounts.CreateAsync(userName, string.IsNullOrWhiteSpace(displayName) ? userName : displayName, password, unitId, roleId is { } r ? [r] : [], cancellationToken);
            TempData[MessageKey] = $"Created {userName}.";
        }

        return RedirectToAction(nameof(Users));
    }

    [HttpGet("roles")]
    [RequirePermission(KernelPermissions.Roles)]
    public async Task<IActionResult> Roles([FromServices] PermissionDefinitions definitions, CancellationToken cancellationToken) =>
        View(new RolesPage(await db.Roles.AsNoTracking().Include(r => r.Permissions).OrderBy(r => r.Name).ToListAsync(cancellationToken), definitions.All, TempData[MessageKey] as string));

    [HttpPost("roles/{id:guid}")]
    [RequirePermission(KernelPermissions.Roles)]
    public async Task<IActionResult> SaveRole(Guid id, DataScope dataScope, string[] permissions, [FromServices] PermissionDefinitions definitions, CancellationToken cancellationToken)
    {
        var role = await db.Roles.Include(r => r.Permissions).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (role is null)
        {
            return NotFound();
        }

        role.DataScope = dataScope;
        role.Permissions.Clear();
        role.Permissions.AddRange(permissions.Where(p => definitions.Find(p) is not null).Distinct().Select(p => new RolePermission { RoleId = role.Id, Permission = p }));
        await db.SaveChangesAsync(cancellationToken);
        TempData[MessageKey] = $"Saved role {role.Name}.";
        return RedirectToAction(nameof(Roles));
    }

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
