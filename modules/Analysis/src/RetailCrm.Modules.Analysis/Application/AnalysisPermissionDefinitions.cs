using RetailCrm.Modules.Analysis.Contracts;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Analysis.Application;

/// <summary>
/// The permissions of the analysis module. Managers see and act on the whole tenant; a department supervisor (a store
/// manager) sees and acts on his unit's customers, by his data scope.
/// </summary>
internal sealed class AnalysisPermissionDefinitions : IPermissionDefinitionProvider
{
    public void Define(IPermissionDefinitionContext context)
    {
        string[] managers = [DefaultRoles.Admin, DefaultRoles.Manager];
        string[] viewers = [DefaultRoles.Admin, DefaultRoles.Manager, DefaultRoles.DepartmentSupervisor];
        context.Add(new PermissionDefinition(AnalysisPermissions.View, "See the customer analysis", "查看顾客分析") { GrantedByDefaultTo = viewers });
        context.Add(new PermissionDefinition(AnalysisPermissions.Act, "Turn segments into tags, call lists and greetings", "将分群转为标签、外呼名单和问候") { GrantedByDefaultTo = viewers });
        context.Add(new PermissionDefinition(AnalysisPermissions.Export, "Export the customers behind a figure", "导出数字背后的顾客") { GrantedByDefaultTo = viewers });
        context.Add(new PermissionDefinition(AnalysisPermissions.Recompute, "Recompute the analysis", "重新计算分析") { GrantedByDefaultTo = managers });
        context.Add(new PermissionDefinition(AnalysisPermissions.Configure, "Configure the analysis (windows, weights, segments)", "配置分析（时间窗、权重、分群）") { GrantedByDefaultTo = managers });
        context.Add(new PermissionDefinition(AnalysisPermissions.Business, "See the card, service and pipeline business reports", "查看储值卡、服务与销售业务报表") { GrantedByDefaultTo = managers });
    }
}
