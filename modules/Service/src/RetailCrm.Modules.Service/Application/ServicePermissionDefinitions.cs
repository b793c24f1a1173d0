using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Service.Application;

/// <summary>The permissions of the service module; a new tenant's roles listed here start with them.</summary>
internal sealed class ServicePermissionDefinitions : IPermissionDefinitionProvider
{
    public void Define(IPermissionDefinitionContext context)
    {
        context.Add(new PermissionDefinition(ServicePermissions.View, "See things", "查看事项") { GrantedByDefaultTo = [DefaultRoles.Admin] });
        context.Add(new PermissionDefinition(ServicePermissions.Create, "Add things", "添加事项") { GrantedByDefaultTo = [DefaultRoles.Admin] });
        context.Add(new PermissionDefinition(ServicePermissions.KbView, "Read the knowledge base", "查阅知识库")
        {
            GrantedByDefaultTo = [DefaultRoles.Admin, DefaultRoles.Manager, DefaultRoles.DepartmentSupervisor, DefaultRoles.CustomerService],
        });
        context.Add(new PermissionDefinition(ServicePermissions.KbEdit, "Write knowledge-base articles", "编写知识库文章")
        {
            GrantedByDefaultTo = [DefaultRoles.Admin, DefaultRoles.Manager, DefaultRoles.DepartmentSupervisor],
        });
    }
}
