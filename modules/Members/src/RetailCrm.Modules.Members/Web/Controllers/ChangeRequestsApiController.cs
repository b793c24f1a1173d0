using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application;
using RetailCrm.Modules.Members.Application.Approval;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>A verdict at review or decision: pass it on / apply it, or reject it, with an optional comment.</summary>
internal sealed record ChangeRequestVerdict([Required] bool? Approve, [StringLength(1000)] string? Comment);

/// <summary>Which change requests to list.</summary>
internal sealed record ChangeRequestListQuery
{
    public ChangeRequestStatus? Status { get; init; }

    public Guid? CustomerId { get; init; }

    [Range(1, int.MaxValue)]
    public int Page { get; init; } = 1;

    [Range(1, 200)]
    public int PageSize { get; init; } = 25;
}

/// <summary>
/// Change requests (tenant setting <c>members.change-approval</c>): a sales person's change waits for the
/// department supervisor's review, then the data administrator's decision; the customer changes only on approval.
/// </summary>
[ApiController]
[Route("api/members/change-requests")]
internal sealed class ChangeRequestsApiController(ChangeRequestQueries queries, ChangeRequestService requests) : ControllerBase
{
    /// <summary>Change requests of customers within your data scope, newest first, with their history.</summary>
    [HttpGet]
    [RequirePermission(MembersPermissions.View)]
    public Task<PagedResult<ChangeRequestView>> List([FromQuery] ChangeRequestListQuery query, CancellationToken cancellationToken) =>
        queries.ListAsync(query.Status, query.CustomerId, query.Page, query.PageSize, cancellationToken);

    /// <summary>Reads a change request: the changes asked for and its status.</summary>
    [HttpGet("{id:guid}")]
    [RequirePermission(MembersPermissions.View)]
    [ProducesResponseType<ChangeRequestView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } request ? Ok(request) : new RefusalResult(MembersRefusals.ChangeRequestNotFound);

    /// <summary>The supervisor's review: approve passes it on to the data administrator, otherwise it is rejected.</summary>
    [HttpPost("{id:guid}/review")]
    [RequirePermission(MembersPermissions.Review)]
    [ProducesResponseType<ChangeRequestView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Review(Guid id, ChangeRequestVerdict verdict, CancellationToken cancellationToken) =>
        (await requests.ReviewAsync(id, verdict.Approve!.Value, verdict.Comment, cancellationToken)).ToActionResult(Ok);

    /// <summary>
    /// The data administrator's decision: approve applies the change to the customer (409 when the customer
    /// changed since the request; the request then stays pending), otherwise it is rejected.
    /// </summary>
    [HttpPost("{id:guid}/decide")]
    [RequirePermission(MembersPermissions.Approve)]
    [ProducesResponseType<ChangeRequestView>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Decide(Guid id, ChangeRequestVerdict verdict, CancellationToken cancellationToken) =>
        (await requests.DecideAsync(id, verdict.Approve!.Value, verdict.Comment, cancellationToken)).ToActionResult(Ok);
}
