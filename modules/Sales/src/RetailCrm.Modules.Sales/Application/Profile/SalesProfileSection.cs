using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Sales.Application.Opportunities;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Sales.Application.Profile;

/// <summary>What the customer's 360° section shows: his deals (open first) and their totals.</summary>
internal sealed record CustomerDeals(Guid CustomerId, IReadOnlyList<Opportunity> Deals, SalesNames Names, long OpenAmount, long WonAmount);

/// <summary>
/// The customer's deals on the 360° page (partial <c>Profile/_CustomerDeals</c>), within the reader's data scope;
/// nothing for a user who may not see deals.
/// </summary>
internal sealed class SalesProfileSection(OpportunityService deals, PipelineCatalog pipelines, IPermissionChecker permissions, IStringLocalizer<SalesModule> t) : IProfileSectionContributor
{
    public const int Shown = 20;
    public const string PartialView = "~/Web/Views/Profile/_CustomerDeals.cshtml";

    public async Task<ProfileSection?> GetSectionAsync(Guid customerId, CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(SalesPermissions.View, cancellationToken))
        {
            return null;
        }

        var visible = (await deals.VisibleAsync(tracked: false, cancellationToken)).Where(o => o.CustomerId == customerId);
        var shown = await visible.OrderBy(o => o.Status != OpportunityStatus.Open).ThenByDescending(o => o.UpdatedAt).Take(Shown).ToListAsync(cancellationToken);
        var totals = await visible.GroupBy(o => o.Status).Select(g => new { g.Key, Amount = g.Sum(o => o.Amount) }).ToListAsync(cancellationToken);
        return new ProfileSection(t["Deals"], PartialView, new CustomerDeals(customerId, shown, new SalesNames(await pipelines.ListAsync(cancellationToken), new Dictionary<Guid, string>()),
            totals.FirstOrDefault(x => x.Key == OpportunityStatus.Open)?.Amount ?? 0, totals.FirstOrDefault(x => x.Key == OpportunityStatus.Won)?.Amount ?? 0), 50);
    }
}

/// <summary>The bell's count of gated moves waiting for the supervisor.</summary>
internal sealed class ApprovalsCounter(OpportunityQueries queries, IPermissionChecker permissions, IStringLocalizer<SalesModule> t) : INotificationCounter
{
    public async Task<NotificationCount?> CountAsync(CancellationToken cancellationToken) =>
        await permissions.IsGrantedAsync(SalesPermissions.Supervise, cancellationToken)
            ? new NotificationCount("sales.approvals", t["Moves to approve"], (await queries.PendingApprovalsAsync(cancellationToken)).Count, "/sales/approvals")
            : null;
}
