using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RetailCrm.Modules.Service.Application;
using RetailCrm.Modules.Service.Application.DemoData;
using RetailCrm.Modules.Service.Application.Knowledge;
using RetailCrm.Modules.Service.Application.Sla;
using RetailCrm.Modules.Service.Application.Calls;
using RetailCrm.Modules.Service.Application.Mail;
using RetailCrm.Modules.Service.Application.AfterTheTicket;

using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.DemoData;
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
        services.AddScoped<IDemoDataContributor, ServiceDemoData>();
        services.AddServiceKnowledge();
        services.AddServiceSla();
        services.AddServiceChannels();
        services.AddServiceMail();
        services.AddServiceAfterTheTicket();
    }
}

internal sealed class ServiceMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("service.queue", "Tickets", "/service", 400) { TextZh = "工单", Icon = "headset", RequiredPermission = ServicePermissions.TicketsView },
        new("service.new-ticket", "New ticket", "/service/tickets/new", 401) { TextZh = "新建工单", Icon = "circle-plus", RequiredPermission = ServicePermissions.TicketsWork },
        new("service.types", "Ticket types", "/service/admin/types", 480) { TextZh = "工单类型", Icon = "list", RequiredPermission = ServicePermissions.Administer },
        new("service.sla-setup", "SLA and routing", "/service/admin/sla", 481) { TextZh = "服务时限与分派", Icon = "timer", RequiredPermission = ServicePermissions.Administer },
        new("service.sla", "SLA at risk", "/service/sla", 421) { TextZh = "服务时限预警", Icon = "alarm-clock", RequiredPermission = ServicePermissions.Supervise },
        new("service.calls", "Calls", "/service/calls", 402) { TextZh = "通话记录", Icon = "phone", RequiredPermission = ServicePermissions.TicketsView },
        new("service.campaigns", "Call lists", "/service/campaigns", 403) { TextZh = "外呼名单", Icon = "phone-outgoing", RequiredPermission = ServicePermissions.TicketsView },
        new("service.channels", "Phone and SMS channels", "/service/channels", 404) { TextZh = "电话与短信渠道", Icon = "settings", RequiredPermission = ServicePermissions.Administer },
        new("service.mailboxes", "Mailboxes", "/service/admin/mailboxes", 405) { TextZh = "邮箱", Icon = "mail", RequiredPermission = ServicePermissions.Administer },
        new("service.reports", "Service reports", "/service/reports", 420) { TextZh = "服务报表", Icon = "chart-column", RequiredPermission = ServicePermissions.Supervise },
    ];
}
