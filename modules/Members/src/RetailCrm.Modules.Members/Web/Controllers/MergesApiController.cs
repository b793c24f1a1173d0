using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application;
using RetailCrm.Modules.Members.Application.Merging;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>
/// Customers to merge into the survivor; per field (e.g. <c>phone</c>, <c>custom.shoe_size</c>) the customer
/// whose value to keep (default: the survivor's own value, else the first merged one that has one); and
/// optionally the version of each customer as read, so that a merge over a changed record is refused.
/// </summary>
internal sealed record MergeRequest(
    [Required] Guid? SurvivorId,
    [Required] IReadOnlyList<Guid>? MergedIds,
    IReadOnlyDictionary<string, Guid>? FieldChoices,
    IReadOnlyDictionary<Guid, long>? Versions);

/// <summary>Merging duplicate customers, and the merge history of a customer.</summary>
[ApiController]
[Route("api/members/merges")]
internal sealed class MergesApiController(MergeService merges) : ControllerBase
{
    /// <summary>
    /// Merges customers into a survivor in one transaction and raises <c>members.customers-merged</c> so that
    /// other modules move their rows. The merged customers stay, with status Merged and <c>mergedIntoId</c>.
    /// </summary>
    [HttpPost]
    [RequirePermission(MembersPermissions.Merge)]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Merge(MergeRequest request, CancellationToken cancellationToken)
    {
        var merged = await merges.MergeAsync(new MergeCommand(request.SurvivorId!.Value, request.MergedIds!, request.FieldChoices, request.Versions), cancellationToken);
        return merged.ToActionResult(done => Ok(new { mergeId = done.MergeId, survivor = done.Survivor }));
    }

    /// <summary>The merges a customer took part in: what was merged into it (or where it went), by whom, when, and the snapshot.</summary>
    [HttpGet("/api/members/customers/{id:guid}/merges")]
    [RequirePermission(MembersPermissions.View)]
    [ProducesResponseType<IReadOnlyList<MergeHistoryItem>>(StatusCodes.Status200OK)]
    public async Task<IActionResult> History(Guid id, [FromServices] MergeQueries queries, CancellationToken cancellationToken) =>
        await queries.HistoryAsync(id, cancellationToken) is { } history ? Ok(history) : new RefusalResult(MembersRefusals.CustomerNotFound);
}
