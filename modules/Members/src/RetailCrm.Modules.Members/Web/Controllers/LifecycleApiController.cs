using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application;
using RetailCrm.Modules.Members.Application.Lifecycle;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>A class set by hand (advocate, possible buyer...) and why.</summary>
internal sealed record SetLifecycleRequest([Required] LifecycleClass? Class, [Required][StringLength(200)] string? Reason);

/// <summary>Lifecycle classes (客户分类): set by hand, history, recompute by the tenant's rules.</summary>
[ApiController]
[Route("api/members")]
internal sealed class LifecycleApiController(LifecycleService lifecycle) : ControllerBase
{
    /// <summary>Sets advocate, possible buyer, qualified prospect or non-customer by hand; the buyer classes follow from purchases.</summary>
    [HttpPut("customers/{id:guid}/lifecycle")]
    [RequirePermission(MembersPermissions.Edit)]
    public async Task<IActionResult> Set(Guid id, SetLifecycleRequest request, CancellationToken cancellationToken) =>
        (await lifecycle.SetAsync(id, request.Class!.Value, request.Reason!, cancellationToken)).ToActionResult(set => set.Change is { } change
            ? Ok(new { @class = change.To, changed = true, change })
            : Ok(new { @class = set.Class, changed = false }));

    /// <summary>Every class change of a customer, newest first, with the rule or person behind it.</summary>
    [HttpGet("customers/{id:guid}/lifecycle-history")]
    [RequirePermission(MembersPermissions.View)]
    [ProducesResponseType<IReadOnlyList<LifecycleChangeView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> History(Guid id, CancellationToken cancellationToken) =>
        await lifecycle.HistoryAsync(id, cancellationToken) is { } history ? Ok(history) : new RefusalResult(MembersRefusals.CustomerNotFound);

    /// <summary>Applies the tenant's current rules to every customer now (the daily job does the same).</summary>
    [HttpPost("lifecycle/recompute")]
    [RequirePermission(MembersPermissions.Configure)]
    public Task<RecomputeResult> Recompute(CancellationToken cancellationToken) => lifecycle.RecomputeAsync(cancellationToken);
}
