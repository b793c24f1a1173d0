using RetailCrm.Samples.Alpha.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Samples.Alpha;

internal sealed class AlphaMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
        [new MenuItem("alpha.things", "Alpha things", "/api/alpha/things") { TextZh = "阿尔法" }];
}

internal sealed class AlphaPermissionDefinitions : IPermissionDefinitionProvider
{
    public void Define(IPermissionDefinitionContext context) =>
        context.Add(new PermissionDefinition(AlphaPermissions.ViewThings, "View alpha things", "查看阿尔法"));
}

internal sealed class AlphaSettingDefinitions : ISettingDefinitionProvider
{
    public const string Greeting = "alpha.greeting";
    public const string Limit = "alpha.limit";

    public void Define(ISettingDefinitionContext context)
    {
        context.Add(new SettingDefinition(Greeting, SettingType.String, "hello", "Greeting", "问候语") { UserOverridable = true });
        context.Add(new SettingDefinition(Limit, SettingType.Int, "10", "Limit", "上限"));
    }
}
