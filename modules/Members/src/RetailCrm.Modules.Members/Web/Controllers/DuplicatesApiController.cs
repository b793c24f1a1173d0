using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Application.Duplicates;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Web.Controllers;

/// <summary>Which duplicate pairs to list: at least this score, in this state, one page of them.</summary>
internal sealed record DuplicateListQuery
{
    [Range(0, 100)]
    public int MinScore { get; init; }

    public DuplicateStatus Status { get; init; } = DuplicateStatus.Open;

    [Range(1, int.MaxValue)]
    public int Page { get; init; } = 1;

    [Range(1, 200)]
    public int PageSize { get; init; } = 25;
}

/// <summary>Likely duplicate pairs found by the background scan, highest score first; scan on demand; dismiss a pair.</summary>
[ApiController]
[Route("api/members/duplicates")]
internal sealed class DuplicatesApiController(DuplicateQueries duplicates, DuplicateScanner scanner) : ControllerBase
{
    /// <summary>Pairs of customers within your data scope that are probably the same, with score (0–100) and reasons.</summary>
    [HttpGet]
    [RequirePermission(MembersPermissions.View)]
    public Task<PagedResult<DuplicatePair>> List([FromQuery] DuplicateListQuery query, CancellationToken cancellationToken) =>
        duplicates.ListAsync(query.MinScore, query.Status, query.Page, query.PageSize, cancellationToken);

    /// <summary>Scans the tenant's active customers now (the background job does it every few hours). Idempotent.</summary>
    [HttpPost("scan")]
    [RequirePermission(MembersPermissions.Merge)]
    public Task<DuplicateScanResult> Scan(CancellationToken cancellationToken) =>
        scanner.ScanAsync(cancellationToken);

    /// <summary>Marks a pair as not the same customer; later scans leave it dismissed.</summary>
    [HttpPost("{id:guid}/dismiss")]
    [RequirePermission(MembersPermissions.Merge)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Dismiss(Guid id, CancellationToken cancellationToken) =>
        await duplicates.DismissAsync(id, cancellationToken) is { } refusal ? new RefusalResult(refusal) : NoContent();
}
