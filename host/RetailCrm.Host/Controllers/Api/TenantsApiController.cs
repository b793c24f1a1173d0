using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Kernel.Web;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Host.Controllers.Api;

public sealed record CreateTenantRequest(
    [Required, StringLength(200, MinimumLength = 2)] string Name,
    string[]? HostNames,
    [Required, StringLength(100, MinimumLength = 2)] string AdminUserName,
    [Required, StringLength(200, MinimumLength = 10)] string AdminPassword,
    string[]? Modules);

public sealed record TenantStatusRequest([Required] TenantStatus? Status);

/// <summary>Tenants of this deployment; only the platform operator's own tenant may manage them.</summary>
[ApiController]
[Route("api/admin/tenants")]
[RequirePermission(KernelPermissions.Tenants)]
public sealed class TenantsApiController(TenantStore tenants, TenantProvisioner provisioner, KernelDbContext db) : ControllerBase
{
    [HttpGet]
    public Task<IReadOnlyList<TenantInfo>> List(CancellationToken cancellationToken) => tenants.ListAsync(cancellationToken);

    /// <summary>Creates a tenant with the default roles, a head office, an administrator and its modules switched on.</summary>
    [HttpPost]
    [ProducesResponseType<TenantInfo>(201)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> Create(CreateTenantRequest request, CancellationToken cancellationToken)
    {
        if (await tenants.FindByNameAsync(request.Name.Trim(), cancellationToken) is not null)
        {
            return Conflict(Problems.Create(409, "tenant-exists", "Tenant exists", $"A tenant named '{request.Name}' exists.",
                new Dictionary<string, string[]> { ["name"] = ["The name is taken."] }));
        }

        try
        {
            var id = await provisioner.CreateAsync(new NewTenant(request.Name, request.HostNames ?? [], request.AdminUserName, request.AdminPassword, request.Modules), cancellationToken);
            return Created($"/api/admin/tenants/{id}", await tenants.FindAsync(id, cancellationToken));
        }
        catch (InvalidOperationException e)
        {
            return Conflict(Problems.Create(409, "tenant-host-taken", "Host name taken", e.Message,
                new Dictionary<string, string[]> { ["hostNames"] = [e.Message] }));
        }
    }

    /// <summary>Suspends or re-activates a tenant.</summary>
    [HttpPut("{id:guid}/status")]
    public async Task<IActionResult> SetStatus(Guid id, TenantStatusRequest request, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tenant is null)
        {
            return NotFound(Problems.Create(404, "tenant-not-found", "Tenant not found"));
        }

        if (tenant.IsHost && request.Status == TenantStatus.Suspended)
        {
            return Conflict(Problems.Create(409, "host-tenant", "Refused", "The platform operator's own tenant cannot be suspended."));
        }

        tenant.Status = request.Status!.Value;
        await db.SaveChangesAsync(cancellationToken);
        await tenants.InvalidateAsync(cancellationToken);
        return Ok(await tenants.FindAsync(id, cancellationToken));
    }
}
