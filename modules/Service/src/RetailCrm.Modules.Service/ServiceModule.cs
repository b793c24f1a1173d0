using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailCrm.Modules.Service.Application;
using RetailCrm.Modules.Service.Application.Calls;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service;

/// <summary>Service (服务): the call center's tickets from every channel, SLA, knowledge base and surveys.</summary>
public sealed class ServiceModule : CrmModule
{
    public override void ConfigureServices(ModuleServiceContext context)
    {
        var services = context.Services;
        context.AddDbContext<ServiceDbContext>();
        services.AddSingleton<IPermissionDefinitionProvider, ServicePermissionDefinitions>();
        services.AddSingleton<ISettingDefinitionProvider, ServiceSettingDefinitions>();
        services.AddSingleton<IMenuContributor, ServiceMenu>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddServiceTickets();
        services.AddServiceChannels();
    }
}

internal sealed class ServiceMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("service.queue", "Tickets", "/service", 400) { TextZh = "工单", Icon = "headset", RequiredPermission = ServicePermissions.TicketsView },
        new("service.new-ticket", "New ticket", "/service/tickets/new", 401) { TextZh = "新建工单", Icon = "circle-plus", RequiredPermission = ServicePermissions.TicketsWork },
        new("service.calls", "Calls", "/service/calls", 402) { TextZh = "通话记录", Icon = "phone", RequiredPermission = ServicePermissions.TicketsView },
        new("service.campaigns", "Call lists", "/service/campaigns", 403) { TextZh = "外呼名单", Icon = "phone-outgoing", RequiredPermission = ServicePermissions.TicketsView },
        new("service.channels", "Phone and SMS channels", "/service/channels", 404) { TextZh = "电话与短信渠道", Icon = "settings", RequiredPermission = ServicePermissions.Administer },
    ];
}
