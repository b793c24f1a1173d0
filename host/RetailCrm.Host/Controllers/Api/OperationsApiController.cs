using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Host.Controllers.Api;

public sealed record CreateApiKeyRequest([Required, StringLength(200)] string Name, [Required, MinLength(1)] string[] Permissions);

/// <summary>Audit log, event deliveries, API keys and demo data of the current tenant.</summary>
[ApiController]
[Route("api/admin")]
public sealed class OperationsApiController : ControllerBase
{
    /// <summary>The latest audit entries of every module (who changed which record, when, and the changes), newest first; entityType narrows them.</summary>
    [HttpGet("audit")]
    [RequirePermission(KernelPermissions.Audit)]
    public Task<IReadOnlyList<AuditRecord>> Audit([FromServices] AuditReader reader, string? entityType, [Range(1, 1000)] int take = 100, CancellationToken cancellationToken = default) =>
        reader.ReadAsync(entityType, take, cancellationToken);

    /// <summary>Deliveries that gave up after their last retry, for this tenant.</summary>
    [HttpGet("events/failed")]
    [RequirePermission(KernelPermissions.Events)]
    public Task<IReadOnlyList<EventDeliveryDto>> FailedEvents([FromServices] IEventDeliveryAdministration events, CancellationToken cancellationToken) =>
        events.FailedAsync(cancellationToken);

    /// <summary>Puts a failed delivery back in the queue; the dispatcher tries it again at once.</summary>
    [HttpPost("events/{id:guid}/retry")]
    [RequirePermission(KernelPermissions.Events)]
    [ProducesResponseType<EventDeliveryDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Retry(Guid id, [FromServices] IEventDeliveryAdministration events, CancellationToken cancellationToken) =>
        (await events.RetryAsync(id, cancellationToken)).ToActionResult(Ok);

    /// <summary>Lists the tenant's API keys (prefix, permissions, revocation), never the keys themselves.</summary>
    [HttpGet("api-keys")]
    [RequirePermission(KernelPermissions.ApiKeys)]
    public Task<IReadOnlyList<ApiKeyDto>> ListKeys([FromServices] IApiKeyAdministration keys, CancellationToken cancellationToken) =>
        keys.ListAsync(cancellationToken);

    /// <summary>Creates an API key bound to this tenant; the key is in the answer once and never again.</summary>
    [HttpPost("api-keys")]
    [RequirePermission(KernelPermissions.ApiKeys)]
    [ProducesResponseType<CreatedApiKeyDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateKey(CreateApiKeyRequest request, [FromServices] IApiKeyAdministration keys, CancellationToken cancellationToken) =>
        (await keys.CreateAsync(request.Name, request.Permissions, cancellationToken)).ToActionResult(key => Created($"/api/admin/api-keys/{key.Id}", key));

    /// <summary>Revokes an API key: requests with it are refused from now on.</summary>
    [HttpDelete("api-keys/{id:guid}")]
    [RequirePermission(KernelPermissions.ApiKeys)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> RevokeKey(Guid id, [FromServices] IApiKeyAdministration keys, CancellationToken cancellationToken) =>
        (await keys.RevokeAsync(id, cancellationToken)).ToActionResult(_ => NoContent());

    /// <summary>Fills the current tenant with every enabled module's demo records (idempotent).</summary>
    [HttpPost("demo-data")]
    [RequirePermission(KernelPermissions.Modules)]
    public async Task<IActionResult> DemoData([FromServices] IModuleAdministration modules, CancellationToken cancellationToken) =>
        Ok(new { contributors = await modules.SeedDemoDataAsync(cancellationToken) });
}
