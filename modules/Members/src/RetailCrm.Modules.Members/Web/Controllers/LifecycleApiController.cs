using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application.Lifecycle;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;

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
        await lifecycle.SetAsync(id, request.Class!.Value, request.Reason!, cancellationToken) switch
        {
            ManualLifecycleOutcome.Changed changed => Ok(new { @class = changed.Change.To, changed = true, change = changed.Change }),
            ManualLifecycleOutcome.Unchanged unchanged => Ok(new { @class = unchanged.Class, changed = false }),
            ManualLifecycleOutcome.Invalid invalid => MembersProblems.Problem(400, "invalid", "The class cannot be set", "See errors for each field.", invalid.Errors),
            _ => MembersProblems.NotFound("customer"),
        };

    /// <summary>Every class change of a customer, newest first, with the rule or person behind it.</summary>
    [HttpGet("customers/{id:guid}/lifecycle-history")]
    [RequirePermission(MembersPermissions.View)]
    [ProducesResponseType<IReadOnlyList<LifecycleChangeView>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> History(Guid id, CancellationToken cancellationToken) =>
        await lifecycle.HistoryAsync(id, cancellationToken) is { } history ? Ok(history) : MembersProblems.NotFound("customer");

    /// <summary>Applies the tenant's current rules to every customer now (the daily job does the same).</summary>
    [HttpPost("lifecycle/recompute")]
    [RequirePermission(MembersPermissions.Configure)]
    public Task<RecomputeResult> Recompute(CancellationToken cancellationToken) => lifecycle.RecomputeAsync(cancellationToken);
}
