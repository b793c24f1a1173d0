using System.Globalization;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Service.Application.Reports;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Application.Dashboard;

/// <summary>The supervisor's queue: open, unassigned and pending counts, and the oldest ticket nobody has answered.</summary>
internal sealed class ServiceQueueWidget(ServiceDashboardQueries queries, IPermissionChecker permissions, IStringLocalizer<ServiceModule> t) : IDashboardWidget
{
    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(ServicePermissions.Supervise, cancellationToken))
        {
            return null;
        }

        var counts = await queries.QueueAsync(cancellationToken);
        List<QueueItem> items =
        [
            new(t["Open: {0}", counts.Open], "/service?view=Open"),
            new(t["Unassigned: {0}", counts.Unassigned], "/service?view=Unassigned"),
            new(t["Pending: {0}", counts.Pending], "/service?view=Pending"),
        ];
        if (counts.OldestUnanswered is { } oldest)
        {
            items.Add(new QueueItem(t["Oldest unanswered: {0} {1}", oldest.Reference, oldest.Subject], $"/service/tickets/{oldest.Id}",
                oldest.OpenedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        }

        return new DashboardWidget("service.queue", t["Service queue"], new QueueContent(items, counts.Open, t["No open tickets."], "/service"), 40);
    }
}

/// <summary>The supervisor's key figure: the average CSAT of the last 30 days, with the SLA compliance of the tickets opened in them.</summary>
internal sealed class ServiceKpiWidget(ServiceDashboardQueries queries, ReportQueries reports, IPermissionChecker permissions, IStringLocalizer<ServiceModule> t, TimeProvider time) : IDashboardWidget
{
    public const int Days = 30;

    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(ServicePermissions.Supervise, cancellationToken))
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var (average, answers) = await queries.CsatSinceAsync(now.AddDays(-Days), cancellationToken);
        var today = DateOnly.FromDateTime(now);
        var report = await reports.BuildAsync(new ReportFilter(today.AddDays(1 - Days), today), cancellationToken);
        var sla = report.FirstResponseCompliance.Percent is { } percent ? t["first response in SLA: {0}%", percent.ToString("0.#", CultureInfo.InvariantCulture)] : t["no SLA targets yet"];
        var value = average is { } a ? a.ToString("0.00", CultureInfo.InvariantCulture) + " / 5" : "–";
        return new DashboardWidget("service.kpi", t["Satisfaction, last {0} days", Days], new KpiContent(value, $"{t["{0} answers", answers]} · {sla}", "/service/reports"), 41);
    }
}

/// <summary>The agent's work: their open tickets, the longest untouched first.</summary>
internal sealed class MyTicketsWidget(ServiceDashboardQueries queries, IPermissionChecker permissions, IStringLocalizer<ServiceModule> t) : IDashboardWidget
{
    public const int Shown = 5;

    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (queries.UserId is null || !await permissions.IsGrantedAsync(ServicePermissions.TicketsWork, cancellationToken))
        {
            return null;
        }

        var (items, total) = await queries.MineAsync(Shown, cancellationToken);
        var queue = items.Select(r => new QueueItem($"{r.Reference} {r.Subject}", $"/service/tickets/{r.Id}", r.UpdatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).ToList();
        return new DashboardWidget("service.my-tickets", t["My open tickets"], new QueueContent(queue, total, t["No open tickets assigned to you."], "/service?view=Mine"), 120);
    }
}
