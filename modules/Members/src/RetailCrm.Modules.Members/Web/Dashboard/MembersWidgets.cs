using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Members.Application.Approval;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web.Dashboard;

/// <summary>One step of the change approval as the home page and the bell show it: who acts on it and where.</summary>
internal sealed record ChangeStep(string Key, string Permission, ChangeRequestStatus Status, string Title, int Order)
{
    /// <summary>The department supervisor's reviews.</summary>
    public static readonly ChangeStep Review = new("members.reviews", MembersPermissions.Review, ChangeRequestStatus.PendingReview, "Changes to review", 40);

    /// <summary>The data administrator's approvals.</summary>
    public static readonly ChangeStep Approval = new("members.approvals", MembersPermissions.Approve, ChangeRequestStatus.PendingApproval, "Changes to approve", 41);

    public string Url => $"/members/change-requests?status={Status}";

    /// <summary>Registers the step's queue widget and bell counter.</summary>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<IDashboardWidget>(provider => ActivatorUtilities.CreateInstance<ChangeQueueWidget>(provider, this));
        services.AddScoped<INotificationCounter>(provider => ActivatorUtilities.CreateInstance<ChangeStepCounter>(provider, this));
    }
}

/// <summary>
/// The queue of master-data changes at one step of the approval, for the users whose permission acts on that step,
/// within their data scope.
/// </summary>
internal sealed class ChangeQueueWidget(ChangeStep step, ChangeRequestQueries requests, IPermissionChecker permissions, IStringLocalizer<MembersModule> t) : IDashboardWidget
{
    public const int Shown = 5;

    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(step.Permission, cancellationToken))
        {
            return null;
        }

        var waiting = await requests.ListAsync(step.Status, null, 1, Shown, cancellationToken);
        var items = waiting.Items
            .Select(r => new QueueItem($"{r.CustomerCode} {r.CustomerName}: {r.Summary}", step.Url, r.RequestedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();
        return new DashboardWidget(step.Key, t[step.Title], new QueueContent(items, waiting.Total, t["No change waits for you."], step.Url), step.Order);
    }
}

/// <summary>The bell's count of the changes waiting at one step of the approval.</summary>
internal sealed class ChangeStepCounter(ChangeStep step, ChangeRequestQueries requests, IPermissionChecker permissions, IStringLocalizer<MembersModule> t) : INotificationCounter
{
    public async Task<NotificationCount?> CountAsync(CancellationToken cancellationToken) =>
        await permissions.IsGrantedAsync(step.Permission, cancellationToken)
            ? new NotificationCount(step.Key, t[step.Title], (await requests.ListAsync(step.Status, null, 1, 1, cancellationToken)).Total, step.Url)
            : null;
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
