using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Members.Application;

/// <summary>Setting names of the members module.</summary>
internal static class MembersSettings
{
    public const string PhoneRegion = "members.phone-region";
    public const string CodeFormat = "members.code-format";
    public const string ChangeApproval = "members.change-approval";
    public const string DormantAfterDays = "members.lifecycle.dormant-after-days";
    public const string RepeatAfterPurchases = "members.lifecycle.repeat-after-purchases";
    public const string LoyalAfterPurchases = "members.lifecycle.loyal-after-purchases";
    public const string LoyalMinimumTotal = "members.lifecycle.loyal-minimum-total";
    public const string CareDays = "members.care.days";
    public const string Currency = "members.currency";
}

internal sealed class MembersSettingDefinitions : ISettingDefinitionProvider
{
    public void Define(ISettingDefinitionContext context)
    {
        context.Add(new SettingDefinition(MembersSettings.PhoneRegion, SettingType.String, "CN", "Default phone region (ISO code)", "默认电话地区")
        {
            Validator = region => PhoneNumbers.PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(region.ToUpperInvariant()) ? null : "not a region code such as CN, HK or US.",
        });
        context.Add(new SettingDefinition(MembersSettings.CodeFormat, SettingType.String, "C{yyyy}{seq:6}", "Customer code format ({yyyy}, {yy}, {MM}, {seq:N})", "客户编码格式")
        {
            Validator = Customers.CustomerCodeGenerator.ValidateFormat,
        });
        context.Add(new SettingDefinition(MembersSettings.ChangeApproval, SettingType.Bool, "false", "Customer changes by sales people need approval", "业务员的客户变更需审批"));
        context.Add(new SettingDefinition(MembersSettings.DormantAfterDays, SettingType.Int, "365", "Dormant after days without purchase", "无消费多少天后转为休眠"));
        context.Add(new SettingDefinition(MembersSettings.RepeatAfterPurchases, SettingType.Int, "2", "Repeat buyer from this many purchases", "重复购买的消费次数"));
        context.Add(new SettingDefinition(MembersSettings.LoyalAfterPurchases, SettingType.Int, "10", "Loyal customer from this many purchases", "忠诚客户的消费次数"));
        context.Add(new SettingDefinition(MembersSettings.LoyalMinimumTotal, SettingType.Int, "500000", "Loyal customer from this total (minor units)", "忠诚客户的累计消费(分)"));
        context.Add(new SettingDefinition(MembersSettings.CareDays, SettingType.Int, "30", "Care list looks this many days ahead", "关怀名单提前天数") { UserOverridable = true });
        context.Add(new SettingDefinition(MembersSettings.Currency, SettingType.String, "CNY", "Main currency", "主币种"));
    }
}

internal sealed class MembersPermissionDefinitions : IPermissionDefinitionProvider
{
    public void Define(IPermissionDefinitionContext context)
    {
        string[] everyone = [DefaultRoles.Manager, DefaultRoles.DepartmentSupervisor, DefaultRoles.SalesPerson, DefaultRoles.DataEntry, DefaultRoles.CustomerService, DefaultRoles.DataAdministrator, DefaultRoles.StoreClerk];
        string[] keyers = [DefaultRoles.DepartmentSupervisor, DefaultRoles.SalesPerson, DefaultRoles.DataEntry, DefaultRoles.CustomerService, DefaultRoles.DataAdministrator, DefaultRoles.StoreClerk];
        string[] dataAdmin = [DefaultRoles.DataAdministrator];
        context.Add(new PermissionDefinition(MembersPermissions.View, "See customers", "查看客户") { GrantedByDefaultTo = everyone });
        context.Add(new PermissionDefinition(MembersPermissions.Create, "Create customers", "新建客户") { GrantedByDefaultTo = keyers });
        context.Add(new PermissionDefinition(MembersPermissions.Edit, "Edit customers", "修改客户") { GrantedByDefaultTo = keyers });
        context.Add(new PermissionDefinition(MembersPermissions.Delete, "Delete customers", "删除客户") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(MembersPermissions.Merge, "Merge duplicate customers", "合并重复客户") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(MembersPermissions.Import, "Import customers and purchases", "导入客户与消费") { GrantedByDefaultTo = [DefaultRoles.DataEntry, DefaultRoles.DataAdministrator] });
        context.Add(new PermissionDefinition(MembersPermissions.Export, "Export customer lists", "导出客户列表") { GrantedByDefaultTo = [DefaultRoles.Manager, DefaultRoles.DataAdministrator] });
        context.Add(new PermissionDefinition(MembersPermissions.Review, "Review customer change requests", "审核客户变更") { GrantedByDefaultTo = [DefaultRoles.DepartmentSupervisor] });
        context.Add(new PermissionDefinition(MembersPermissions.Approve, "Approve customer change requests", "批准客户变更") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(MembersPermissions.RecordPurchases, "Record purchases", "录入消费记录") { GrantedByDefaultTo = [DefaultRoles.StoreClerk, DefaultRoles.DataEntry, DefaultRoles.DataAdministrator] });
        context.Add(new PermissionDefinition(MembersPermissions.Configure, "Configure members (custom fields, rules)", "配置会员模块") { GrantedByDefaultTo = dataAdmin });
    }
}
