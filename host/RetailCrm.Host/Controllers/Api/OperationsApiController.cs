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
    public async Task<IActionResult> Retry(Guid id, [FromServices] IEventDeliveryAdministration events, CancellationToken cancellationToken) =>
        (await events.RetryAsync(id, cancellationToken)).ToActionResult(Ok);

    [HttpGet("api-keys")]
    [RequirePermission(KernelPermissions.ApiKeys)]
    public Task<IReadOnlyList<ApiKeyDto>> ListKeys([FromServices] IApiKeyAdministration keys, CancellationToken cancellationToken) =>
        keys.ListAsync(cancellationToken);

    /// <summary>Creates an API key bound to this tenant; the key is in the answer once and never again.</summary>
    [HttpPost("api-keys")]
    [RequirePermission(KernelPermissions.ApiKeys)]
    public async Task<IActionResult> CreateKey(CreateApiKeyRequest request, [FromServices] IApiKeyAdministration keys, CancellationToken cancellationToken) =>
        (await keys.CreateAsync(request.Name, request.Permissions, cancellationToken)).ToActionResult(key => Created($"/api/admin/api-keys/{key.Id}", key));

    [HttpDelete("api-keys/{id:guid}")]
    [RequirePermission(KernelPermissions.ApiKeys)]
    public async Task<IActionResult> RevokeKey(Guid id, [FromServices] IApiKeyAdministration keys, CancellationToken cancellationToken) =>
        (await keys.RevokeAsync(id, cancellationToken)).ToActionResult(_ => NoContent());

    /// <summary>Fills the current tenant with every enabled module's demo records (idempotent).</summary>
    [HttpPost("demo-data")]
    [RequirePermission(KernelPermissions.Modules)]
    public async Task<IActionResult> DemoData([FromServices] IModuleAdministration modules, CancellationToken cancellationToken) =>
        Ok(new { contributors = await modules.SeedDemoDataAsync(cancellationToken) });
}
