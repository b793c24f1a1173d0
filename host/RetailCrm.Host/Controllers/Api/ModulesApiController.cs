using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Host.Controllers.Api;

public sealed record ModuleToggleRequest([Required] bool? Enabled);

/// <summary>Installed modules and plugins, and switching them on or off for the current tenant.</summary>
[ApiController]
[Route("api/admin")]
public sealed class ModulesApiController(IModuleAdministration modules) : ControllerBase
{
    /// <summary>Lists the installed modules with their dependencies and whether each is enabled for the current tenant.</summary>
    [HttpGet("modules")]
    [RequirePermission(KernelPermissions.Modules)]
    public Task<IReadOnlyList<ModuleDto>> ListModules(CancellationToken cancellationToken) => modules.ListAsync(ModuleKind.Module, cancellationToken);

    /// <summary>Switches a module on (with its dependencies) or off for the current tenant.</summary>
    /// <response code="404">No such module is installed.</response>
    /// <response code="409">Refused, e.g. an enabled module depends on it.</response>
    [HttpPut("modules/{id}")]
    [RequirePermission(KernelPermissions.Modules)]
    [ProducesResponseType<ModuleChange>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> Toggle(string id, ModuleToggleRequest request, CancellationToken cancellationToken) =>
        (await modules.SetEnabledAsync(id, request.Enabled!.Value, cancellationToken)).ToActionResult(Ok);

    /// <summary>Lists the plugins with their load state and any error.</summary>
    [HttpGet("plugins")]
    [RequirePermission(KernelPermissions.Plugins)]
    public Task<IReadOnlyList<ModuleDto>> ListPlugins(CancellationToken cancellationToken) => modules.ListAsync(ModuleKind.Plugin, cancellationToken);
}
