using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Service.Application;

/// <summary>The permissions of the service module; a new tenant's roles listed here start with them.</summary>
internal sealed class ServicePermissionDefinitions : IPermissionDefinitionProvider
{
    private static readonly string[] Agents = [DefaultRoles.Admin, DefaultRoles.CustomerService, DefaultRoles.DepartmentSupervisor, DefaultRoles.Manager];
    private static readonly string[] Supervisors = [DefaultRoles.Admin, DefaultRoles.DepartmentSupervisor, DefaultRoles.Manager];

    public void Define(IPermissionDefinitionContext context)
    {
        context.Add(new PermissionDefinition(ServicePermissions.TicketsView, "See tickets and calls", "查看工单与通话") { GrantedByDefaultTo = Agents });
        context.Add(new PermissionDefinition(ServicePermissions.TicketsWork, "Work tickets: open, reply, note, status", "处理工单：新建、回复、备注、状态") { GrantedByDefaultTo = Agents });
        context.Add(new PermissionDefinition(ServicePermissions.TicketsManage, "Assign and merge tickets", "分派与合并工单") { GrantedByDefaultTo = Supervisors });
        context.Add(new PermissionDefinition(ServicePermissions.Supervise, "Service reports and SLA", "服务报表与服务时限") { GrantedByDefaultTo = Supervisors });
        context.Add(new PermissionDefinition(ServicePermissions.Administer, "Set up service: types, calendars, routing, mailboxes", "服务设置：类型、日历、分派规则、邮箱") { GrantedByDefaultTo = [DefaultRoles.Admin] });
        context.Add(new PermissionDefinition(ServicePermissions.KbView, "Read the knowledge base", "查阅知识库") { GrantedByDefaultTo = Agents });
        context.Add(new PermissionDefinition(ServicePermissions.KbEdit, "Write knowledge-base articles", "编写知识库文章") { GrantedByDefaultTo = Supervisors });
    }
}
