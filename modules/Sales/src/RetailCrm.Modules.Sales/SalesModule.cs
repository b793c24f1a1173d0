using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailCrm.Modules.Sales.Application;
using RetailCrm.Modules.Sales.Application.Catalogue;
using RetailCrm.Modules.Sales.Application.Forecast;
using RetailCrm.Modules.Sales.Application.Opportunities;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Application.Reviews;
using RetailCrm.Modules.Sales.Application.Tasks;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Contracts.Events;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Templates;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Sales;

/// <summary>Sales pipeline (销售管理): pipelines of stages with exit criteria and supervisor gates, deals with lines and journals.</summary>
public sealed class SalesModule : CrmModule
{
    public override void ConfigureServices(ModuleServiceContext context)
    {
        var services = context.Services;
        context.AddDbContext<SalesDbContext>();
        services.AddSingleton<IPermissionDefinitionProvider, SalesPermissionDefinitions>();
        services.AddSingleton<ISettingDefinitionProvider, SalesSettingDefinitions>();
        services.AddSingleton<IMenuContributor, SalesMenu>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<PipelineCatalog>();
        services.AddScoped<PipelineAdministration>();
        services.AddScoped<ProductCatalogue>();
        services.AddScoped<OpportunityService>();
        services.AddScoped<OpportunityJournal>();
        services.AddScoped<OpportunityQueries>();
        services.AddScoped<DealList>();
        services.AddScoped<IDealFeed, DealFeed>();
        services.AddScoped<Application.Import.DealImport>();
        services.AddScoped<RetailCrm.Sdk.DemoData.IDemoDataContributor, Application.DemoData.SalesDemoData>();
        services.AddScoped<Web.Pages.DealExport>();
        services.AddScoped<SalesPageContext>();
        services.AddScoped<IProfileSectionContributor, Application.Profile.SalesProfileSection>();
        services.AddScoped<INotificationCounter, Application.Profile.ApprovalsCounter>();
        services.AddScoped<IIntegrationEventHandler<OpportunityWonIntegrationEvent>, WonDealPurchase>();
        services.AddScoped<SalesCalendar>();
        services.AddScoped<SalesPeople>();
        services.AddScoped<TaskService>();
        services.AddScoped<TaskReminders>();
        services.AddSingleton<ICrmJob, TaskReminderJob>();
        services.AddSingleton<ITemplateDefinitionProvider, SalesTemplates>();
        services.AddScoped<INotificationCounter, TasksDueCounter>();
        services.AddScoped<JournalReviews>();
        services.AddScoped<ForecastQueries>();
        services.AddScoped<PerformanceQueries>();
    }
}

internal sealed class SalesMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("sales.board", "Sales pipeline", "/sales", 500) { TextZh = "销售管理", Icon = "chart-column", RequiredPermission = SalesPermissions.View },
        new("sales.deals", "Deals", "/sales/list", 501) { TextZh = "商机列表", Icon = "list", RequiredPermission = SalesPermissions.View },
        new("sales.tasks", "Sales tasks", "/sales/tasks", 502) { TextZh = "销售任务", Icon = "list-checks", RequiredPermission = SalesPermissions.View },
        new("sales.journal", "Sales journal", "/sales/journal", 503) { TextZh = "业务日志", Icon = "notebook-pen", RequiredPermission = SalesPermissions.View },
        new("sales.forecast", "Sales forecast", "/sales/forecast", 504) { TextZh = "销售预测", Icon = "trending-up", RequiredPermission = SalesPermissions.View },
    ];
}
