using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Kernel.Web;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Host.Controllers.Api;

public sealed record ModuleDto(
    string Id,
    string Version,
    string Kind,
    string DisplayName,
    string Description,
    IReadOnlyDictionary<string, string> DependsOn,
    bool Enabled,
    string State,
    string? Error);

public sealed record ModuleToggleRequest([Required] bool? Enabled);

public sealed record ModuleToggleResponse(string Id, bool Enabled, IReadOnlyList<string> Changed);

/// <summary>Installed modules and plugins, and switching them on or off for the current tenant.</summary>
[ApiController]
[Route("api/admin")]
public sealed class ModulesApiController(ModuleCatalog catalog, ModuleToggles toggles, ICurrentTenant tenant) : ControllerBase
{
    /// <summary>Lists the installed modules with their dependencies and whether each is enabled for the current tenant.</summary>
    [HttpGet("modules")]
    [RequirePermission(KernelPermissions.Modules)]
    public async Task<IEnumerable<ModuleDto>> ListModules(CancellationToken cancellationToken) =>
        await DescribeAsync(catalog.All.Where(m => !m.IsPlugin), cancellationToken);

    /// <summary>Switches a module on (with its dependencies) or off for the current tenant.</summary>
    /// <response code="409">Refused, e.g. an enabled module depends on it.</response>
    [HttpPut("modules/{id}")]
    [RequirePermission(KernelPermissions.Modules)]
    [ProducesResponseType<ModuleToggleResponse>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> Toggle(string id, ModuleToggleRequest request, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is null)
        {
            return NotFound(Problems.Create(404, "module-not-found", "Module not found", $"No module '{id}' is installed."));
        }

        var result = await toggles.SetAsync(tenant.Id!.Value, id, request.Enabled!.Value, cancellationToken);
        if (!result.Succeeded)
        {
            return Conflict(Problems.Create(409, "module-toggle-refused", "Module change refused", result.Error));
        }

        return Ok(new ModuleToggleResponse(catalog.Find(id)!.Id, request.Enabled.Value, result.Changed));
    }

    /// <summary>Lists the plugins with their load state and any error.</summary>
    [HttpGet("plugins")]
    [RequirePermission(KernelPermissions.Plugins)]
    public async Task<IEnumerable<ModuleDto>> ListPlugins(CancellationToken cancellationToken) =>
        await DescribeAsync(catalog.All.Where(m => m.IsPlugin), cancellationToken);

    private async Task<IEnumerable<ModuleDto>> DescribeAsync(IEnumerable<InstalledModule> modules, CancellationToken cancellationToken)
    {
        var enabled = await toggles.GetEnabledAsync(tenant.Id!.Value, cancellationToken);
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        return modules.Select(m => new ModuleDto(
            m.Id,
            m.Manifest.Version,
            m.IsPlugin ? "plugin" : "module",
            m.Manifest.DisplayNameFor(culture),
            m.Manifest.DescriptionFor(culture),
            m.Manifest.DependsOn,
            enabled.Contains(m.Id),
            m.State.ToString(),
            m.Error));
    }
}
