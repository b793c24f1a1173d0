using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Kernel.Messaging;

/// <summary>Who edits the message templates and watches the outgoing messages.</summary>
public sealed class MessagingPermissions : IPermissionDefinitionProvider
{
    public const string Templates = "crm.admin.templates";

    public void Define(IPermissionDefinitionContext context) =>
        context.Add(new PermissionDefinition(Templates, "Edit message templates and see outgoing messages", "编辑消息模板并查看外发消息")
        {
            GrantedByDefaultTo = [DefaultRoles.DataAdministrator],
        });
}
