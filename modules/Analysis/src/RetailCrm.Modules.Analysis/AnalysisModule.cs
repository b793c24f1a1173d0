using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailCrm.Modules.Analysis.Application;
using RetailCrm.Modules.Analysis.Application.Actions;
using RetailCrm.Modules.Analysis.Application.Configuration;
using RetailCrm.Modules.Analysis.Application.Engine;
using RetailCrm.Modules.Analysis.Application.Facts;
using RetailCrm.Modules.Analysis.Application.Queries;
using RetailCrm.Modules.Analysis.Application.Recompute;
using RetailCrm.Modules.Analysis.Application.Reports;
using RetailCrm.Modules.Analysis.Application.Widgets;
using RetailCrm.Modules.Analysis.Contracts;
using RetailCrm.Modules.Analysis.Infrastructure.Persistence;
using RetailCrm.Modules.Cards.Contracts.Events;
using RetailCrm.Modules.Members.Contracts.Events;
using RetailCrm.Modules.Sales.Contracts.Events;
using RetailCrm.Modules.Service.Contracts.Events;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.Templates;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Analysis;

/// <summary>Customer analysis (顾客分析): value, change and problem customers computed on an embedded column engine, with reports and actions.</summary>
public sealed class AnalysisModule : CrmModule
{
    public override void ConfigureServices(ModuleServiceContext context)
    {
        var services = context.Services;
        context.AddDbContext<AnalysisDbContext>();
        services.AddSingleton<IPermissionDefinitionProvider, AnalysisPermissionDefinitions>();
        services.AddSingleton<IMenuContributor, AnalysisMenu>();
        services.AddSingleton<ITemplateDefinitionProvider, AnalysisTemplates>();
        services.TryAddSingleton(TimeProvider.System);

        // One registration per event with its implementation type: the kernel finds handlers by it.
        services.AddScoped<IIntegrationEventHandler<PurchaseRecordedIntegrationEvent>, PurchaseRecordedHandler>();
        services.AddScoped<IIntegrationEventHandler<CustomersMergedIntegrationEvent>, CustomersMergedHandler>();
        services.AddScoped<IIntegrationEventHandler<CardSoldIntegrationEvent>, CardFactHandlers>();
        services.AddScoped<IIntegrationEventHandler<CardPaidIntegrationEvent>, CardFactHandlers>();
        services.AddScoped<IIntegrationEventHandler<CardPaymentRefundedIntegrationEvent>, CardFactHandlers>();
        services.AddScoped<IIntegrationEventHandler<CardToppedUpIntegrationEvent>, CardFactHandlers>();
        services.AddScoped<IIntegrationEventHandler<CardExchangedIntegrationEvent>, CardFactHandlers>();
        services.AddScoped<IIntegrationEventHandler<CardClosedIntegrationEvent>, CardFactHandlers>();
        services.AddScoped<IIntegrationEventHandler<TicketOpenedIntegrationEvent>, TicketFactHandlers>();
        services.AddScoped<IIntegrationEventHandler<ComplaintRegisteredIntegrationEvent>, TicketFactHandlers>();
        services.AddScoped<IIntegrationEventHandler<TicketResolvedIntegrationEvent>, TicketFactHandlers>();
        services.AddScoped<IIntegrationEventHandler<CsatReceivedIntegrationEvent>, TicketFactHandlers>();
        services.AddScoped<IIntegrationEventHandler<OpportunityWonIntegrationEvent>, DealFactHandlers>();
        services.AddScoped<IIntegrationEventHandler<OpportunityLostIntegrationEvent>, DealFactHandlers>();

        services.AddScoped<FactRebuild>();
        services.AddScoped<FactLoader>();
        services.AddScoped<AnalysisSettings>();
        services.AddScoped<RecomputeLease>();
        services.AddScoped<Recomputes>();
        services.AddScoped<RecomputeRunner>();
        services.AddSingleton<ICrmJob, RecomputeJob>();
        services.AddScoped<AnalysisQueries>();
        services.AddScoped<BusinessReports>();
        services.AddScoped<CustomerExport>();
        services.AddScoped<SegmentActions>();
        services.AddScoped<WidgetKit>();
        services.AddScoped<IDashboardWidget, SegmentsWidget>();
        services.AddScoped<IDashboardWidget, ParetoWidget>();
        services.AddScoped<IDashboardWidget, MigrationWidget>();
        services.AddScoped<IDashboardWidget, ProblemCustomersWidget>();
        services.AddScoped<IDashboardWidget, LiabilityWidget>();
        services.AddScoped<RetailCrm.Sdk.DemoData.IDemoDataContributor, Application.DemoData.AnalysisDemoData>();
    }
}

internal sealed class AnalysisMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("analysis.overview", "Customer analysis", "/analysis", 600) { TextZh = "顾客分析", Icon = "chart-pie", RequiredPermission = AnalysisPermissions.View },
        new("analysis.customers", "Analysed customers", "/analysis/customers", 601) { TextZh = "分析顾客名单", Icon = "users", RequiredPermission = AnalysisPermissions.View },
        new("analysis.consumption", "Consumption", "/analysis/consumption", 602) { TextZh = "消费分析", Icon = "shopping-cart", RequiredPermission = AnalysisPermissions.View },
        new("analysis.business", "Business reports", "/analysis/business", 603) { TextZh = "业务报表", Icon = "file-bar-chart", RequiredPermission = AnalysisPermissions.Business },
        new("analysis.settings", "Analysis settings", "/analysis/settings", 604) { TextZh = "分析设置", Icon = "sliders-horizontal", RequiredPermission = AnalysisPermissions.Configure },
    ];
}
