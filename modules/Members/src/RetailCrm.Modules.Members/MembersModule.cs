using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Members.Application;
using RetailCrm.Modules.Members.Application.Approval;
using RetailCrm.Modules.Members.Application.Care;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Application.DemoData;
using RetailCrm.Modules.Members.Application.Duplicates;
using RetailCrm.Modules.Members.Application.Import;
using RetailCrm.Modules.Members.Application.Lifecycle;
using RetailCrm.Modules.Members.Application.Merging;
using RetailCrm.Modules.Members.Application.Purchases;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.DemoData;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members;

/// <summary>Members (CMS, 顾客管理): the customer master, its data quality, purchases and lifecycle.</summary>
public sealed class MembersModule : CrmModule
{
    public override void ConfigureServices(ModuleServiceContext context)
    {
        var services = context.Services;
        context.AddDbContext<MembersDbContext>();
        services.AddSingleton<IPermissionDefinitionProvider, MembersPermissionDefinitions>();
        services.AddSingleton<ISettingDefinitionProvider, MembersSettingDefinitions>();
        services.AddSingleton<IMenuContributor, MembersMenu>();
        services.AddScoped<IDashboardWidget, Web.Dashboard.CustomersWidget>();
        Web.Dashboard.ChangeStep.Review.Register(services);
        Web.Dashboard.ChangeStep.Approval.Register(services);
        services.AddScoped<IDashboardWidget, Web.Dashboard.FailedImportsWidget>();
        services.AddScoped<INotificationCounter, Web.Dashboard.CareTodayCounter>();
        services.AddSingleton<Sdk.Jobs.ICrmJob, Application.DataQuality.NameInitialsJob>();
        services.AddScoped<ISearchContributor, Web.Search.CustomerSearch>();
        services.AddScoped<CustomerCodeGenerator>();
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<CustomerService>();
        services.AddScoped<CustomerSpending>();
        services.AddScoped<Web.Pages.CustomerProfileReader>();
        services.AddScoped<ITimelineContributor, Web.Timeline.MembersTimeline>();
        services.AddScoped<ICustomerLookup, CustomerLookup>();
        services.AddScoped<ICustomerRegistration, CustomerRegistration>();
        services.AddScoped<ICustomerFeed, CustomerFeed>();
        services.AddScoped<ICustomerTagging, CustomerTagging>();
        services.AddScoped<IMarketingConsents, MarketingConsents>();
        services.AddScoped<IPhoneNumbers, TenantPhoneNumbers>();
        services.AddScoped<IDemoDataContributor, MembersDemoData>();
        services.AddPurchases();
        services.AddLifecycle();
        services.AddCare();
        services.AddMembersDuplicates();
        services.AddMembersMerging();
        services.AddMembersChangeApproval();
        services.AddImportExport();
        services.AddScoped<Application.CustomFields.CustomFieldService>();
        services.AddSingleton<IMenuContributor, Web.Pages.CustomFieldsMenu>();
    }
}

internal sealed class MembersMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("members.customers", "Customers", "/members/customers", 10) { TextZh = "客户", Icon = "users", RequiredPermission = MembersPermissions.View },
    ];
}
