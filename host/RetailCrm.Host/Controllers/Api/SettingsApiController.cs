using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Host.Controllers.Api;

public sealed record SetSettingRequest(string? Value, [Required] SettingScope? Scope);

/// <summary>Settings of the enabled modules, as they resolve for the current tenant and user.</summary>
[ApiController]
[Route("api/admin/settings")]
public sealed class SettingsApiController(ISettingsAdministration settings) : ControllerBase
{
    /// <summary>Lists every setting of the enabled modules with its type, default and the value in force for the current tenant.</summary>
    [HttpGet]
    [RequirePermission(KernelPermissions.Settings)]
    public Task<IReadOnlyList<SettingDto>> List(CancellationToken cancellationToken) => settings.ListAsync(cancellationToken);

    /// <summary>Stores a value at a scope (Global needs the platform permission); null clears it.</summary>
    [HttpPut("{name}")]
    [RequirePermission(KernelPermissions.Settings)]
    public async Task<IActionResult> Set(string name, SetSettingRequest request, CancellationToken cancellationToken) =>
        (await settings.SetAsync(name, request.Value, request.Scope!.Value, cancellationToken)).ToActionResult(setting => Ok(new { setting.Name, setting.Value }));
}
