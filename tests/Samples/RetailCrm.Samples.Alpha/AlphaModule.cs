using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Samples.Alpha.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Samples.Alpha;

/// <summary>Sample module 'alpha': things, their created event, a menu item, a permission and two settings.</summary>
public sealed class AlphaModule : CrmModule
{
    public override void ConfigureServices(ModuleServiceContext context)
    {
        context.AddDbContext<AlphaDbContext>();
        context.Services.AddSingleton<IMenuContributor, AlphaMenu>();
        context.Services.AddSingleton<IPermissionDefinitionProvider, AlphaPermissionDefinitions>();
        context.Services.AddSingleton<ISettingDefinitionProvider, AlphaSettingDefinitions>();
        context.Services.AddSingleton<ICrmJob, TickJob>();
        context.Services.AddScoped<IProfileSectionContributor, AlphaProfileSection>();
        context.Services.AddScoped<ITimelineContributor, AlphaTimeline>();
    }
}
