using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Analysis.Application.Queries;
using RetailCrm.Modules.Analysis.Application.Reports;
using RetailCrm.Modules.Analysis.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Analysis.Application.Widgets;

/// <summary>What the analysis widgets share: the permission check, the texts and the links into the analysis pages.</summary>
internal sealed class WidgetKit(IPermissionChecker permissions, IStringLocalizer<AnalysisModule> t, IDisplayText display)
{
    public IStringLocalizer T => t;

    public IDisplayText Display => display;

    public Task<bool> MaySeeAsync(string permission, CancellationToken cancellationToken) => permissions.IsGrantedAsync(permission, cancellationToken);

    public static string CustomersUrl(CustomerFilter filter) => "/analysis/customers?" + filter.ToQuery();

    /// <summary>Customers per segment as bars, each opening its customers (the widget and the analysis page).</summary>
    public static ChartContent SegmentChart(IReadOnlyList<SegmentFigure> segments, IDisplayText display, IStringLocalizer t) => new(
        ChartKind.Bar,
        [.. segments.Select(s => display.Name(s.Segment))],
        [new ChartSeries(t["Customers"], [.. segments.Select(s => (decimal)s.Customers)])])
    {
        CategoryUrls = [.. segments.Select(s => CustomersUrl(new CustomerFilter { Segment = s.Segment }))],
    };

    /// <summary>The Pareto curve every fifth percent, each point opening the top share of customers it stands for.</summary>
    public static ChartContent ParetoChart(ParetoCurve pareto, IStringLocalizer t)
    {
        var points = pareto.Points.Where(p => p.Percent % 5 == 0 || p.Percent == 1).ToList();
        return new ChartContent(ChartKind.Line, [.. points.Select(p => p.Percent + " %")], [new ChartSeries(t["Share of revenue (%)"], [.. points.Select(p => p.Share)])], "%")
        {
            CategoryUrls = [.. points.Select(p => CustomersUrl(new CustomerFilter { Top = p.Percent }))],
        };
    }

    public static string ParetoTitle(ParetoCurve pareto, IStringLocalizer t) =>
        t["Top {0} % of customers bring {1} % of revenue", pareto.TopPercent, pareto.TopShare.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture)];
}

/// <summary>The RFM segments now: customers per segment, each bar opening its customers.</summary>
internal sealed class SegmentsWidget(AnalysisQueries queries, WidgetKit kit) : IDashboardWidget
{
    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (!await kit.MaySeeAsync(AnalysisPermissions.View, cancellationToken))
        {
            return null;
        }

        var segments = await queries.SegmentsAsync(cancellationToken);
        return new DashboardWidget("analysis.segments", kit.T["RFM segments"], WidgetKit.SegmentChart(segments, kit.Display, kit.T), 200);
    }
}

/// <summary>The 20/80 view: the Pareto curve and the share of revenue from the top N % of customers.</summary>
internal sealed class ParetoWidget(AnalysisQueries queries, WidgetKit kit) : IDashboardWidget
{
    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (!await kit.MaySeeAsync(AnalysisPermissions.View, cancellationToken))
        {
            return null;
        }

        var pareto = await queries.ParetoAsync(null, cancellationToken);
        return new DashboardWidget("analysis.pareto", WidgetKit.ParetoTitle(pareto, kit.T), WidgetKit.ParetoChart(pareto, kit.T), 210);
    }
}

/// <summary>The migration matrix in short: how many customers moved up, stayed and moved down since the previous window.</summary>
internal sealed class MigrationWidget(AnalysisQueries queries, WidgetKit kit) : IDashboardWidget
{
    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (!await kit.MaySeeAsync(AnalysisPermissions.View, cancellationToken))
        {
            return null;
        }

        var cells = await queries.MatrixAsync(cancellationToken);
        return new DashboardWidget("analysis.migration", kit.T["Segment migration"], new PartialContent("~/Web/Views/AnalysisPage/_MigrationMatrix.cshtml", cells), 220);
    }
}

/// <summary>The problem customers with the highest scores, each opening the customer's line in the analysis.</summary>
internal sealed class ProblemCustomersWidget(AnalysisQueries queries, WidgetKit kit) : IDashboardWidget
{
    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (!await kit.MaySeeAsync(AnalysisPermissions.View, cancellationToken))
        {
            return null;
        }

        var filter = new CustomerFilter { Problem = true };
        var page = await queries.CustomersAsync(filter, cancellationToken);
        var items = page.IsRefused ? [] : page.Value.Items.Take(5)
            .Select(c => new QueueItem(c.DisplayName, "/members/customers/" + c.CustomerId, kit.T["score {0}: {1}", c.ProblemScore, string.Join(", ", c.Reasons.Select(r => kit.Display.Name(r)))]))
            .ToList();
        return new DashboardWidget("analysis.problem-customers", kit.T["Problem customers"],
            new QueueContent(items, page.IsRefused ? 0 : page.Value.Total, kit.T["No problem customers."], WidgetKit.CustomersUrl(filter)), 230);
    }
}

/// <summary>What the cards hold by card product (the liability), for the holders of the business reports.</summary>
internal sealed class LiabilityWidget(BusinessReports reports, WidgetKit kit, TimeProvider time) : IDashboardWidget
{
    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (!await kit.MaySeeAsync(AnalysisPermissions.Business, cancellationToken))
        {
            return null;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var cards = await reports.CardsAsync(today.AddMonths(-1), today, cancellationToken);
        if (cards.Liability.Count == 0)
        {
            return null;
        }

        var byProduct = cards.Liability.GroupBy(l => l.ProductCode).Select(g => (Product: g.Key, Balance: g.Sum(l => l.Balance))).OrderByDescending(p => p.Balance).ToList();
        return new DashboardWidget("analysis.liability", kit.T["Card liability by product"], new ChartContent(
            ChartKind.Pie, [.. byProduct.Select(p => p.Product)], [new ChartSeries(kit.T["Balance"], [.. byProduct.Select(p => p.Balance / 100m)])], AnalysisMoney.Currency)
        {
            CategoryUrls = [.. byProduct.Select(_ => (string?)"/analysis/business")],
        }, 240);
    }
}

/// <summary>The currency the analysis sums in: the tenant's main currency, which purchases are recorded in.</summary>
internal static class AnalysisMoney
{
    public const string Currency = "CNY";
}
