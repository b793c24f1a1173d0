using RetailCrm.Kernel.Modularity;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Kernel.Authorization;

/// <summary>Every permission declared by the kernel and the running modules, each tagged with its module.</summary>
internal sealed class PermissionDefinitions
{
    private readonly Dictionary<string, PermissionDefinition> _byName = new(StringComparer.OrdinalIgnoreCase);

    public PermissionDefinitions(IEnumerable<IPermissionDefinitionProvider> providers, ModuleCatalog catalog)
    {
        foreach (var provider in providers)
        {
            var moduleId = catalog.OwnerOf(provider.GetType())?.Id ?? "";
            provider.Define(new Context(this, moduleId));
        }
    }

    public IReadOnlyCollection<PermissionDefinition> All => _byName.Values;

    public PermissionDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    private sealed class Context(PermissionDefinitions owner, string moduleId) : IPermissionDefinitionContext
    {
        public PermissionDefinition Add(PermissionDefinition definition)
        {
            if (!owner._byName.TryAdd(definition.Name, definition))
            {
                throw new InvalidOperationException($"Permission '{definition.Name}' is declared twice.");
            }

            definition.ModuleId = moduleId;
            return definition;
        }
    }
}

/// <summary>The kernel's own permissions (administration); public for the names the host's admin pages and API require.</summary>
public sealed class KernelPermissions : IPermissionDefinitionProvider
{
    public const string Modules = "crm.admin.modules";
    public const string Plugins = "crm.admin.plugins";
    public const string Settings = "crm.admin.settings";
    public const string Users = "crm.admin.users";
    public const string Roles = "crm.admin.roles";
    public const string OrganizationUnits = "crm.admin.organization-units";
    public const string ApiKeys = "crm.admin.api-keys";
    public const string Audit = "crm.admin.audit";
    public const string Events = "crm.admin.events";
    public const string Tenants = "crm.platform.tenants";

    public void Define(IPermissionDefinitionContext context)
    {
        string[] dataAdmin = [DefaultRoles.DataAdministrator];
        string[] maintenance = [DefaultRoles.PlatformMaintenance];
        context.Add(new PermissionDefinition(Modules, "Switch modules on and off", "启用和停用模块") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(Plugins, "See plugins and their state", "查看插件及状态") { GrantedByDefaultTo = [.. dataAdmin, .. maintenance] });
        context.Add(new PermissionDefinition(Settings, "Change settings", "修改设置") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(Users, "Manage users", "管理用户") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(Roles, "Manage roles and data scope", "管理角色与数据范围") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(OrganizationUnits, "Manage organization units", "管理组织机构") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(ApiKeys, "Manage API keys", "管理 API 密钥") { GrantedByDefaultTo = dataAdmin });
        context.Add(new PermissionDefinition(Audit, "Read the audit log", "查看审计日志") { GrantedByDefaultTo = [.. dataAdmin, .. maintenance] });
        context.Add(new PermissionDefinition(Events, "See and retry failed event deliveries", "查看并重试失败的事件投递") { GrantedByDefaultTo = maintenance });
        context.Add(new PermissionDefinition(Tenants, "Manage tenants", "管理租户") { PlatformOnly = true });
    }
}
