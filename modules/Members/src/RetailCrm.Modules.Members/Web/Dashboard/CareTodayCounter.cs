using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Members.Application.Care;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Dashboard;

/// <summary>The bell's count of birthdays and anniversaries today among the customers the user may see.</summary>
internal sealed class CareTodayCounter(CareList care, IPermissionChecker permissions, IStringLocalizer<MembersModule> t) : INotificationCounter
{
    public async Task<NotificationCount?> CountAsync(CancellationToken cancellationToken) =>
        await permissions.IsGrantedAsync(MembersPermissions.View, cancellationToken)
            ? new NotificationCount("members.care-today", t["Birthdays and anniversaries today"], (await care.GetAsync(0, null, cancellationToken)).Items.Count, "/members/care?days=0")
            : null;
}
