using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application.Approval;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Controllers;

internal sealed record ChangeRequestsPage(PagedResult<ChangeRequestView> Requests, ChangeRequestStatus? Status, bool CanReview, bool CanDecide)
{
    /// <summary>The review and decide forms of every request; a refused verdict is shown above the list (its request may have moved on).</summary>
    public const string VerdictForm = "verdict";
}

/// <summary>The change requests page: every request with its history, and review / decide buttons for those who may.</summary>
[Route("members/change-requests")]
internal sealed class ChangeRequestsController(ChangeRequestQueries queries, ChangeRequestService requests, IPermissionChecker permissions) : CrmPageController
{
    [HttpGet("")]
    [RequirePermission(MembersPermissions.View)]
    public Task<IActionResult> Index(ChangeRequestStatus? status, int page = 1, CancellationToken cancellationToken = default) =>
        PageAsync(status, page, cancellationToken);

    [HttpPost("{id:guid}/review")]
    [PostOnce]
    [RequirePermission(MembersPermissions.Review)]
    public async Task<IActionResult> Review(Guid id, bool approve, string? comment, CancellationToken cancellationToken) =>
        await VerdictAsync(await requests.ReviewAsync(id, approve, comment, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/decide")]
    [PostOnce]
    [RequirePermission(MembersPermissions.Approve)]
    public async Task<IActionResult> Decide(Guid id, bool approve, string? comment, CancellationToken cancellationToken) =>
        await VerdictAsync(await requests.DecideAsync(id, approve, comment, cancellationToken), cancellationToken);

    private async Task<IActionResult> VerdictAsync(Result<ChangeRequestView> verdict, CancellationToken cancellationToken) =>
        verdict.IsRefused
            ? await RefusedAsync(verdict.Refusal, () => PageAsync(null, 1, cancellationToken), ChangeRequestsPage.VerdictForm)
            : Done("/members/change-requests", "{0}: {1}.", verdict.Value.CustomerCode, verdict.Value.Status);

    private async Task<IActionResult> PageAsync(ChangeRequestStatus? status, int page, CancellationToken cancellationToken) =>
        View("~/Web/Views/ChangeRequests/Index.cshtml", new ChangeRequestsPage(
            await queries.ListAsync(status, null, page, 50, cancellationToken),
            status,
            await permissions.IsGrantedAsync(MembersPermissions.Review, cancellationToken),
            await permissions.IsGrantedAsync(MembersPermissions.Approve, cancellationToken)));
}
