using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Administration;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

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
public sealed class TenantsApiController(ITenantAdministration tenants) : ControllerBase
{
    /// <summary>Lists the tenants of the installation with their status and host names.</summary>
    [HttpGet]
    public Task<IReadOnlyList<TenantInfo>> List(CancellationToken cancellationToken) => tenants.ListAsync(cancellationToken);

    /// <summary>Creates a tenant with the default roles, a head office, an administrator and its modules switched on.</summary>
    [HttpPost]
    [ProducesResponseType<TenantInfo>(201)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> Create(CreateTenantRequest request, CancellationToken cancellationToken) =>
        (await tenants.CreateAsync(new NewTenant(request.Name, request.HostNames ?? [], request.AdminUserName, request.AdminPassword, request.Modules), cancellationToken))
            .ToActionResult(tenant => Created($"/api/admin/tenants/{tenant.Id}", tenant));

    /// <summary>Suspends or re-activates a tenant.</summary>
    [HttpPut("{id:guid}/status")]
    [ProducesResponseType<TenantInfo>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public async Task<IActionResult> SetStatus(Guid id, TenantStatusRequest request, CancellationToken cancellationToken) =>
        (await tenants.SetStatusAsync(id, request.Status!.Value, cancellationToken)).ToActionResult(Ok);
}
