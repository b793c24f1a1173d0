using RetailCrm.Modules.Analysis.Application.Actions;
using RetailCrm.Modules.Analysis.Application.Queries;
using RetailCrm.Modules.Analysis.Application.Reports;
using RetailCrm.Modules.Analysis.Domain.Results;
using RetailCrm.Modules.Analysis.Domain.Rfm;
using RetailCrm.Modules.Analysis.Domain.Runs;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Analysis.Web.Pages;

/// <summary>The analysis home: the last and the running recompute, segments, the 20/80 view, the migration matrix and the problem and dormant counts.</summary>
internal sealed record OverviewPage(
    RecomputeRun? Current,
    RecomputeRun? Latest,
    IReadOnlyList<SegmentFigure> Segments,
    ParetoCurve Pareto,
    IReadOnlyList<MatrixCell> Matrix,
    int ProblemCustomers,
    int DormantCustomers,
    AnalysisConfiguration Settings,
    bool MayRecompute);

/// <summary>The customers behind a figure, with what can be done with them.</summary>
internal sealed record CustomersPage(CustomerFilter Filter, CustomerPage Customers, IReadOnlyList<UserInfo> Agents, GreetingPreview? Preview, bool MayAct, bool MayExport)
{
    public int Pages => Math.Max(1, (Customers.Total + Customers.PageSize - 1) / Customers.PageSize);
}

/// <summary>Consumption broken down by one dimension over a range of months, and the months' revenue.</summary>
internal sealed record ConsumptionPage(ConsumptionDimension Dimension, DateOnly From, DateOnly To, IReadOnlyList<ConsumptionRow> Rows, IReadOnlyList<(DateOnly Month, long Revenue, int Purchases)> Months);

/// <summary>The business reports of the optional modules.</summary>
internal sealed record BusinessPage(DateOnly From, DateOnly To, CardBusiness Cards, IReadOnlyList<ServiceMonth> Service, IReadOnlyList<PipelineMonth> Pipeline);

/// <summary>The settings form: the values and the segment map as a 5 × 5 grid.</summary>
internal sealed record SettingsPage(AnalysisConfiguration Settings, SegmentMap Map);
