using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailCrm.Modules.Sample.Application;
using RetailCrm.Modules.Sample.Contracts;
using RetailCrm.Modules.Sample.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Sample;

/// <summary>Sample (示例): things, each with a name.</summary>
public sealed class SampleModule : CrmModule
{
    public override void ConfigureServices(ModuleServiceContext context)
    {
        var services = context.Services;
        context.AddDbContext<SampleDbContext>();
        services.AddSingleton<IPermissionDefinitionProvider, SamplePermissionDefinitions>();
        services.AddSingleton<IMenuContributor, SampleMenu>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ThingService>();
    }
}

internal sealed class SampleMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("sample.things", "Sample", "/sample", 500) { TextZh = "示例", Icon = "box", RequiredPermission = SamplePermissions.View },
    ];
}
