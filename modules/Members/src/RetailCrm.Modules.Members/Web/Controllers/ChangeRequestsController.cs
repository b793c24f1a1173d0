using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Members.Application.Approval;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Members.Web.Controllers;

internal sealed record ChangeRequestsPage(PagedResult<ChangeRequestView> Requests, ChangeRequestStatus? Status, bool CanReview, bool CanDecide, string? Message, string? Error);

/// <summary>The change requests page: every request with its history, and review / decide buttons for those who may.</summary>
[Route("members/change-requests")]
[AutoValidateAntiforgeryToken]
internal sealed class ChangeRequestsController(ChangeRequestQueries queries, ChangeRequestService requests, IPermissionChecker permissions, IStringLocalizer<MembersModule> t) : Controller
{
    private const string MessageKey = "message";
    private const string ErrorKey = "error";

    [HttpGet("")]
    [RequirePermission(MembersPermissions.View)]
    public async Task<IActionResult> Index(ChangeRequestStatus? status, int page = 1, CancellationToken cancellationToken = default) =>
        View("~/Web/Views/ChangeRequests/Index.cshtml", new ChangeRequestsPage(
            await queries.ListAsync(status, null, page, 50, cancellationToken),
            status,
            await permissions.IsGrantedAsync(MembersPermissions.Review, cancellationToken),
            await permissions.IsGrantedAsync(MembersPermissions.Approve, cancellationToken),
            TempData[MessageKey] as string,
            TempData[ErrorKey] as string));

    [HttpPost("{id:guid}/review")]
    [RequirePermission(MembersPermissions.Review)]
    public async Task<IActionResult> Review(Guid id, bool approve, string? comment, CancellationToken cancellationToken) =>
        Done(await requests.ReviewAsync(id, approve, comment, cancellationToken));

    [HttpPost("{id:guid}/decide")]
    [RequirePermission(MembersPermissions.Approve)]
    public async Task<IActionResult> Decide(Guid id, bool approve, string? comment, CancellationToken cancellationToken) =>
        Done(await requests.DecideAsync(id, approve, comment, cancellationToken));

    private RedirectResult Done(ApprovalOutcome outcome)
    {
        TempData[outcome is ApprovalOutcome.Done ? MessageKey : ErrorKey] = outcome switch
        {
            ApprovalOutcome.Done done => t["{0}: {1}.", done.Request.CustomerCode, t[done.Request.Status.ToString()]].Value,
            ApprovalOutcome.ChangedMeanwhile => t["The customer was changed meanwhile; the request stays pending. Reject it and propose the change again."].Value,
            ApprovalOutcome.WrongStep => t["The request is no longer at this step."].Value,
            ApprovalOutcome.CustomerGone => t["The customer was merged or deleted."].Value,
            ApprovalOutcome.Invalid invalid => t["The proposed change is no longer valid: {0}", string.Join(" ", invalid.Errors.SelectMany(e => e.Value))].Value,
            _ => t["No such change request."].Value,
        };
        return Redirect("/members/change-requests");
    }
}
