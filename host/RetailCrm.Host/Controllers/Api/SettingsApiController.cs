using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Kernel.Settings;
using RetailCrm.Kernel.Web;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Host.Controllers.Api;

public sealed record SettingDto(string Name, string Module, string Type, string? Value, string? DefaultValue, IReadOnlyList<string> Choices, bool UserOverridable);

public sealed record SetSettingRequest(string? Value, [Required] SettingScope? Scope);

/// <summary>Settings of the enabled modules, as they resolve for the current tenant and user.</summary>
[ApiController]
[Route("api/admin/settings")]
public sealed class SettingsApiController(SettingDefinitions definitions, ISettingProvider settings, ModuleToggles toggles, ICurrentTenant tenant) : ControllerBase
{
    [HttpGet]
    [RequirePermission(KernelPermissions.Settings)]
    public async Task<IEnumerable<SettingDto>> List(CancellationToken cancellationToken)
    {
        var enabled = await toggles.GetEnabledAsync(tenant.Id!.Value, cancellationToken);
        var result = new List<SettingDto>();
        foreach (var d in definitions.VisibleFor(enabled))
        {
            result.Add(new SettingDto(d.Name, d.ModuleId.Length == 0 ? "crm" : d.ModuleId, d.Type.ToString(), await settings.GetAsync(d.Name, cancellationToken), d.DefaultValue, d.Choices, d.UserOverridable));
        }

        return result;
    }

    /// <summary>Stores a value at a scope (Global needs the platform permission); null clears it.</summary>
    [HttpPut("{name}")]
    [RequirePermission(KernelPermissions.Settings)]
    public async Task<IActionResult> Set(string name, SetSettingRequest request, [FromServices] IPermissionChecker permissions, CancellationToken cancellationToken)
    {
        if (request.Scope == SettingScope.Global && !await permissions.IsGrantedAsync(KernelPermissions.Tenants, cancellationToken))
        {
            return StatusCode(403, Problems.Create(403, "forbidden", "Global settings are kept by the platform operator."));
        }

        try
        {
            await settings.SetAsync(name, request.Value, request.Scope!.Value, cancellationToken);
        }
        catch (SettingValidationException e)
        {
            return BadRequest(Problems.Create(400, "invalid-setting", "Invalid setting value", e.Message,
                new Dictionary<string, string[]> { ["value"] = [e.Message] }));
        }

        return Ok(new { name, value = await settings.GetAsync(name, cancellationToken) });
    }
}
