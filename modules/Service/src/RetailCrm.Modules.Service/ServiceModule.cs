using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailCrm.Modules.Service.Application;
using RetailCrm.Modules.Service.Application.Knowledge;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service;

/// <summary>Service (服务): things, each with a name.</summary>
public sealed class ServiceModule : CrmModule
{
    public override void ConfigureServices(ModuleServiceContext context)
    {
        var services = context.Services;
        context.AddDbContext<ServiceDbContext>();
        services.AddSingleton<IPermissionDefinitionProvider, ServicePermissionDefinitions>();
        services.AddSingleton<IMenuContributor, ServiceMenu>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ThingService>();
        services.AddServiceKnowledge();
    }
}

internal sealed class ServiceMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("service.things", "Service", "/service", 500) { TextZh = "服务", Icon = "box", RequiredPermission = ServicePermissions.View },
    ];
}
