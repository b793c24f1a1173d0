using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Members.Application.Approval;
using RetailCrm.Modules.Members.Application.Care;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Dashboard;

/// <summary>The bell's count of changes waiting at one step of the approval, for the users who act on that step.</summary>
internal abstract class ChangeStepCounter(ChangeRequestQueries requests, IPermissionChecker permissions) : INotificationCounter
{
    protected abstract string Key { get; }

    protected abstract string Permission { get; }

    protected abstract ChangeRequestStatus Step { get; }

    protected abstract string Text { get; }

    public async Task<NotificationCount?> CountAsync(CancellationToken cancellationToken) =>
        await permissions.IsGrantedAsync(Permission, cancellationToken)
            ? new NotificationCount(Key, Text, (await requests.ListAsync(Step, null, 1, 1, cancellationToken)).Total, $"/members/change-requests?status={Step}")
            : null;
}

internal sealed class ReviewCounter(ChangeRequestQueries requests, IPermissionChecker permissions, IStringLocalizer<MembersModule> t) : ChangeStepCounter(requests, permissions)
{
    protected override string Key => "members.reviews";

    protected override string Permission => MembersPermissions.Review;

    protected override ChangeRequestStatus Step => ChangeRequestStatus.PendingReview;

    protected override string Text => t["Changes to review"];
}

internal sealed class ApprovalCounter(ChangeRequestQueries requests, IPermissionChecker permissions, IStringLocalizer<MembersModule> t) : ChangeStepCounter(requests, permissions)
{
    protected override string Key => "members.approvals";

    protected override string Permission => MembersPermissions.Approve;

    protected override ChangeRequestStatus Step => ChangeRequestStatus.PendingApproval;

    protected override string Text => t["Changes to approve"];
}

/// <summary>The bell's count of birthdays and anniversaries today among the customers the user may see.</summary>
internal sealed class CareTodayCounter(CareList care, IPermissionChecker permissions, IStringLocalizer<MembersModule> t) : INotificationCounter
{
    public async Task<NotificationCount?> CountAsync(CancellationToken cancellationToken) =>
        await permissions.IsGrantedAsync(MembersPermissions.View, cancellationToken)
            ? new NotificationCount("members.care-today", t["Birthdays and anniversaries today"], (await care.GetAsync(0, null, cancellationToken)).Items.Count, "/members/care?days=0")
            : null;
}
