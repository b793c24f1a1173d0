using RetailCrm.Modules.Sample.Contracts;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Sample.Application;

/// <summary>The permissions of the sample module; a new tenant's roles listed here start with them.</summary>
internal sealed class SamplePermissionDefinitions : IPermissionDefinitionProvider
{
    public void Define(IPermissionDefinitionContext context)
    {
        context.Add(new PermissionDefinition(SamplePermissions.View, "See things", "查看事项") { GrantedByDefaultTo = [DefaultRoles.Admin] });
        context.Add(new PermissionDefinition(SamplePermissions.Create, "Add things", "添加事项") { GrantedByDefaultTo = [DefaultRoles.Admin] });
    }
}
