using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Identity;
using RetailCrm.Kernel.Web;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Host.Controllers.Api;

public sealed record CreateApiKeyRequest([Required, StringLength(200)] string Name, [Required, MinLength(1)] string[] Permissions);

public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, IReadOnlyList<string> Permissions, DateTime CreatedAt, DateTime? RevokedAt);

public sealed record CreatedApiKeyDto(Guid Id, string Name, string Key, IReadOnlyList<string> Permissions);

/// <summary>Audit log, event deliveries, API keys and demo data of the current tenant.</summary>
[ApiController]
[Route("api/admin")]
public sealed class OperationsApiController(KernelDbContext db, ICurrentTenant tenant) : ControllerBase
{
    [HttpGet("audit")]
    [RequirePermission(KernelPermissions.Audit)]
    public async Task<IEnumerable<AuditRecord>> Audit([FromServices] AuditReader reader, string? entityType, [Range(1, 1000)] int take = 100, CancellationToken cancellationToken = default) =>
        await reader.ReadAsync(entityType, take, cancellationToken);

    /// <summary>Deliveries that gave up after their last retry, for this tenant.</summary>
    [HttpGet("events/failed")]
    [RequirePermission(KernelPermissions.Events)]
    public async Task<IEnumerable<EventDelivery>> FailedEvents(CancellationToken cancellationToken) =>
        await db.EventDeliveries.AsNoTracking().Where(d => d.TenantId == tenant.Id && d.Status == DeliveryStatus.Failed)
            .OrderByDescending(d => d.Attempts).Take(500).ToListAsync(cancellationToken);

    /// <summary>Puts a failed delivery back in the queue; the dispatcher tries it again at once.</summary>
    [HttpPost("events/{id:guid}/retry")]
    [RequirePermission(KernelPermissions.Events)]
    public async Task<IActionResult> Retry(Guid id, [FromServices] IServiceProvider services, CancellationToken cancellationToken)
    {
        var delivery = await db.EventDeliveries.FirstOrDefaultAsync(d => d.Id == id && d.TenantId == tenant.Id, cancellationToken);
        if (delivery is null)
        {
            return NotFound(Problems.Create(404, "delivery-not-found", "Delivery not found"));
        }

        delivery.Status = DeliveryStatus.Pending;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = null;
        await db.SaveChangesAsync(cancellationToken);
        await ReopenMessageAsync(services, delivery, cancellationToken);
        return Ok(delivery);
    }

    private static async Task ReopenMessageAsync(IServiceProvider services, EventDelivery delivery, CancellationToken cancellationToken)
    {
        var registry = services.GetRequiredService<DbContextRegistry>();
        var source = registry.Contexts.FirstOrDefault(c => c.ModuleId == delivery.SourceModule);
        if (source is not null)
        {
            var context = registry.Resolve(services, source);
            await context.Set<RetailCrm.Kernel.Data.Conventions.OutboxMessage>().Where(m => m.Id == delivery.MessageId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTime?)null), cancellationToken);
        }
    }

    [HttpGet("api-keys")]
    [RequirePermission(KernelPermissions.ApiKeys)]
    public async Task<IEnumerable<ApiKeyDto>> ListKeys(CancellationToken cancellationToken) =>
        (await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(cancellationToken))
            .Select(k => new ApiKeyDto(k.Id, k.Name, k.Prefix, k.Permissions.Split(' ', StringSplitOptions.RemoveEmptyEntries), k.CreatedAt, k.RevokedAt));

    /// <summary>Creates an API key bound to this tenant; the key is in the answer once and never again.</summary>
    [HttpPost("api-keys")]
    [RequirePermission(KernelPermissions.ApiKeys)]
    public async Task<IActionResult> CreateKey(CreateApiKeyRequest request, [FromServices] PermissionDefinitions definitions, CancellationToken cancellationToken)
    {
        var unknown = request.Permissions.Where(p => definitions.Find(p) is not { PlatformOnly: false }).ToList();
        if (unknown.Count > 0)
        {
            var message = "Unknown or platform-only permission: " + string.Join(", ", unknown);
            return BadRequest(Problems.Create(400, "unknown-permission", message, message, new Dictionary<string, string[]> { ["permissions"] = [message] }));
        }

        var (key, prefix, hash) = ApiKeyAuthenticationHandler.NewKey();
        var row = new ApiKey { Id = Guid.NewGuid(), Name = request.Name, Prefix = prefix, KeyHash = hash, Permissions = string.Join(' ', request.Permissions.Distinct()), CreatedAt = DateTime.UtcNow };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return Created($"/api/admin/api-keys/{row.Id}", new CreatedApiKeyDto(row.Id, row.Name, key, request.Permissions));
    }

    [HttpDelete("api-keys/{id:guid}")]
    [RequirePermission(KernelPermissions.ApiKeys)]
    public async Task<IActionResult> RevokeKey(Guid id, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return NotFound(Problems.Create(404, "api-key-not-found", "API key not found"));
        }

        key.RevokedAt ??= DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return NoContent();
    }

    /// <summary>Fills the current tenant with every enabled module's demo records (idempotent).</summary>
    [HttpPost("demo-data")]
    [RequirePermission(KernelPermissions.Modules)]
    public async Task<IActionResult> DemoData([FromServices] KernelStartup startup, CancellationToken cancellationToken) =>
        Ok(new { contributors = await startup.SeedDemoDataAsync(tenant.Id!.Value, cancellationToken) });
}
