using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Members.Application.Approval;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Dashboard;

/// <summary>
/// A queue of master-data changes at one step of the approval: the department supervisor's reviews, the data
/// administrator's approvals. Each user sees the step their permission lets them act on, within their data scope.
/// </summary>
internal abstract class ChangeQueueWidget(ChangeRequestQueries requests, IPermissionChecker permissions, IStringLocalizer<MembersModule> t) : IDashboardWidget
{
    public const int Shown = 5;

    protected abstract string Key { get; }

    protected abstract string Permission { get; }

    protected abstract ChangeRequestStatus Step { get; }

    protected abstract string Title { get; }

    protected abstract int Order { get; }

    protected IStringLocalizer<MembersModule> T => t;

    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(Permission, cancellationToken))
        {
            return null;
        }

        var waiting = await requests.ListAsync(Step, null, 1, Shown, cancellationToken);
        var more = $"/members/change-requests?status={Step}";
        var items = waiting.Items
            .Select(r => new QueueItem($"{r.CustomerCode} {r.CustomerName}: {r.Summary}", more, r.RequestedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();
        return new DashboardWidget(Key, Title, new QueueContent(items, waiting.Total, t["No change waits for you."], more), Order);
    }
}

/// <summary>The department supervisor's reviews.</summary>
internal sealed class ReviewQueueWidget(ChangeRequestQueries requests, IPermissionChecker permissions, IStringLocalizer<MembersModule> t)
    : ChangeQueueWidget(requests, permissions, t)
{
    protected override string Key => "members.reviews";

    protected override string Permission => MembersPermissions.Review;

    protected override ChangeRequestStatus Step => ChangeRequestStatus.PendingReview;

    protected override string Title => T["Changes to review"];

    protected override int Order => 40;
}

/// <summary>The data administrator's approvals.</summary>
internal sealed class ApprovalQueueWidget(ChangeRequestQueries requests, IPermissionChecker permissions, IStringLocalizer<MembersModule> t)
    : ChangeQueueWidget(requests, permissions, t)
{
    protected override string Key => "members.approvals";

    protected override string Permission => MembersPermissions.Approve;

    protected override ChangeRequestStatus Step => ChangeRequestStatus.PendingApproval;

    protected override string Title => T["Changes to approve"];

    protected override int Order => 41;
}

/// <summary>The data administrator's failed imports: each wants a look at its report and a new file.</summary>
internal sealed class FailedImportsWidget(MembersDbContext db, IPermissionChecker permissions, IStringLocalizer<MembersModule> t) : IDashboardWidget
{
    public const int Shown = 5;

    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(MembersPermissions.Import, cancellationToken))
        {
            return null;
        }

        var failed = db.Set<ImportBatch>().AsNoTracking().Where(b => b.Status == ImportStatus.Failed);
        var total = await failed.CountAsync(cancellationToken);
        var latest = await failed.OrderByDescending(b => b.CreatedAt)
            .Select(b => new { b.Id, b.FileName, b.ErrorRows, b.CreatedAt }).Take(Shown).ToListAsync(cancellationToken);
        var items = latest
            .Select(b => new QueueItem(b.FileName, $"/members/imports/{b.Id}", t["{0} rows with errors", b.ErrorRows] + " · " + b.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();
        return new DashboardWidget("members.failed-imports", t["Failed imports"], new QueueContent(items, total, t["No import failed."], "/members/imports"), 50);
    }
}

/// <summary>The figure of active customers the user may see (their data scope), and how many joined in the last 30 days.</summary>
internal sealed class CustomersWidget(CustomerService customerService, IPermissionChecker permissions, IStringLocalizer<MembersModule> t, TimeProvider time) : IDashboardWidget
{
    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(MembersPermissions.View, cancellationToken))
        {
            return null;
        }

        var since = time.GetUtcNow().UtcDateTime.AddDays(-30);
        var customers = (await customerService.VisibleAsync(cancellationToken)).AsNoTracking().Where(c => c.Status == CustomerStatus.Active);
        var total = await customers.CountAsync(cancellationToken);
        var joined = await customers.CountAsync(c => c.CreatedAt >= since, cancellationToken);
        return new DashboardWidget("members.customers", t["Customers"],
            new KpiContent(total.ToString("N0", CultureInfo.CurrentCulture), t["{0} new in the last 30 days", joined], "/members/customers"), 30);
    }
}
