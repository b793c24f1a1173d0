using RetailCrm.Kernel.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>The administration entries of the navigation, each behind its permission.</summary>
internal sealed class AdminMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("admin.modules", "Modules", "/admin/modules", 900) { TextZh = "模块", Icon = "puzzle", Section = MenuSections.System, RequiredPermission = KernelPermissions.Modules },
        new("admin.plugins", "Plugins", "/admin/plugins", 901) { TextZh = "插件", Icon = "plug", Section = MenuSections.System, RequiredPermission = KernelPermissions.Plugins },
        new("admin.settings", "Settings", "/admin/settings", 902) { TextZh = "设置", Icon = "settings", Section = MenuSections.System, RequiredPermission = KernelPermissions.Settings },
        new("admin.branding", "Branding", "/admin/branding", 902) { TextZh = "品牌", Icon = "palette", Section = MenuSections.System, RequiredPermission = KernelPermissions.Settings },
        new("admin.users", "Users", "/admin/users", 903) { TextZh = "用户", Icon = "user-cog", Section = MenuSections.Organization, RequiredPermission = KernelPermissions.Users },
        new("admin.roles", "Roles", "/admin/roles", 904) { TextZh = "角色", Icon = "shield-check", Section = MenuSections.Organization, RequiredPermission = KernelPermissions.Roles },
        new("admin.units", "Organization units", "/admin/units", 904) { TextZh = "组织机构", Icon = "network", Section = MenuSections.Organization, RequiredPermission = KernelPermissions.OrganizationUnits },
        new("admin.tenants", "Tenants", "/admin/tenants", 905) { TextZh = "租户", Icon = "building-2", Section = MenuSections.Organization, RequiredPermission = KernelPermissions.Tenants },
        new("admin.audit", "Audit log", "/admin/audit", 906) { TextZh = "审计日志", Icon = "scroll-text", Section = MenuSections.Monitoring, RequiredPermission = KernelPermissions.Audit },
        new("admin.events", "Event deliveries", "/admin/events", 907) { TextZh = "事件投递", Icon = "send", Section = MenuSections.Monitoring, RequiredPermission = KernelPermissions.Events },
    ];
}
