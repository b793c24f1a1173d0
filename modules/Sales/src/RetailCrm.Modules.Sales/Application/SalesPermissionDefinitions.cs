using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Sales.Application;

/// <summary>The permissions of the sales module; a new tenant's roles listed here start with them.</summary>
internal sealed class SalesPermissionDefinitions : IPermissionDefinitionProvider
{
    private static readonly string[] Sellers = [DefaultRoles.Admin, DefaultRoles.SalesPerson, DefaultRoles.DepartmentSupervisor, DefaultRoles.Manager];
    private static readonly string[] Supervisors = [DefaultRoles.Admin, DefaultRoles.DepartmentSupervisor, DefaultRoles.Manager];

    public void Define(IPermissionDefinitionContext context)
    {
        context.Add(new PermissionDefinition(SalesPermissions.View, "See deals and the pipeline", "查看商机与销售漏斗") { GrantedByDefaultTo = Sellers });
        context.Add(new PermissionDefinition(SalesPermissions.Work, "Work deals: open, journal, move, win, lose", "处理商机：新建、业务日志、推进、赢单、输单") { GrantedByDefaultTo = Sellers });
        context.Add(new PermissionDefinition(SalesPermissions.Supervise, "Approve gated moves, review journals", "审批关键阶段、点评业务日志") { GrantedByDefaultTo = Supervisors });
        context.Add(new PermissionDefinition(SalesPermissions.Administer, "Set up sales: pipelines, stages, catalogue", "销售设置：流程、阶段、产品目录") { GrantedByDefaultTo = [DefaultRoles.Admin] });
    }
}
