using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailCrm.Modules.Cards.Application;
using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Application.Dashboard;
using RetailCrm.Modules.Cards.Application.DemoData;
using RetailCrm.Modules.Cards.Application.Ledger;
using RetailCrm.Modules.Cards.Application.Points;
using RetailCrm.Modules.Cards.Application.Products;
using RetailCrm.Modules.Cards.Application.Selling;
using RetailCrm.Modules.Cards.Application.Settlement;
using RetailCrm.Modules.Cards.Application.Stock;
using RetailCrm.Modules.Cards.Application.Terminals;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Modules.Cards.Infrastructure.Persistence;
using RetailCrm.Modules.Cards.Web;
using RetailCrm.Modules.Cards.Web.Dashboard;
using RetailCrm.Modules.Members.Contracts.Events;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.DemoData;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards;

/// <summary>Cards (卡业务): card products, cards, their append-only ledger, till operations and points.</summary>
public sealed class CardsModule : CrmModule
{
    public override void ConfigureServices(ModuleServiceContext context)
    {
        var services = context.Services;
        context.AddDbContext<CardsDbContext>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IPermissionDefinitionProvider, CardsPermissionDefinitions>();
        services.AddScoped<ProductService>();
        services.AddScoped<CardLedger>();
        services.AddScoped<CardQueries>();
        services.AddScoped<ICardFeed, CardFeed>();
        services.AddScoped<ReceiptReplay>();
        services.AddScoped<CardActivation>();
        services.AddScoped<CardTopUps>();
        services.AddScoped<CardPayments>();
        services.AddScoped<CardPoints>();
        services.AddScoped<CardStatusChanges>();
        services.AddScoped<CardClosing>();
        services.AddScoped<StockPlaces>();
        services.AddScoped<StockMoves>();
        services.AddScoped<PurchasingService>();
        services.AddScoped<ProductionService>();
        services.AddScoped<StoreRequestService>();
        services.AddScoped<StockTakeService>();
        services.AddScoped<StockReportService>();
        services.AddSingleton<IMenuContributor, StockMenu>();
        services.AddScoped<LedgerCheck>();
        services.AddDataProtection();
        services.AddScoped<TerminalService>();
        context.AddAuthenticationScheme<TerminalAuthenticationHandler>(TerminalAuthenticationHandler.SchemeName, TerminalAuthenticationHandler.Header);
        services.AddSingleton<ICrmJob, LedgerCheckJob>();
        services.AddScoped<IIntegrationEventHandler<PurchaseRecordedIntegrationEvent>, PurchasePointsHandler>();
        services.AddScoped<IIntegrationEventHandler<CustomersMergedIntegrationEvent>, CardsFollowMerges>();
        services.AddScoped<CounterCharges>();
        services.AddScoped<BulkSaleService>();
        services.AddScoped<ExchangeService>();
        services.AddSingleton<ICrmJob, CardExpiryJob>();
        services.AddSingleton<ICrmJob, TerminalNonceCleanupJob>();
        services.AddSingleton<ISettingDefinitionProvider, CardsSettingDefinitions>();
        services.AddScoped<SettlementService>();
        services.AddScoped<SellingPageQueries>();
        services.AddSingleton<IMenuContributor, CardsMenu>();
        services.AddScoped<IProfileSectionContributor, CardsProfileSection>();
        services.AddScoped<HolderActivity>();
        services.AddScoped<ITimelineContributor, Web.Timeline.CardsTimeline>();
        services.AddScoped<ICustomerSummaryContributor, Web.Timeline.CardsCustomerSummary>();
        services.AddScoped<CardsDashboardQueries>();
        services.AddScoped<CardsWidgetKit>();
        services.AddScoped<IDashboardWidget, PaymentsTodayWidget>();
        services.AddScoped<IDashboardWidget, CardLiabilityWidget>();
        services.AddScoped<IDashboardWidget, CardFlowWidget>();
        services.AddScoped<IDashboardWidget, CardLookupWidget>();
        services.AddScoped<ISearchContributor, Web.Search.CardSearch>();
        services.AddScoped<IDemoDataContributor, CardsDemoData>();
    }
}
