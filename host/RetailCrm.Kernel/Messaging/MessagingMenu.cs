using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Messaging;

/// <summary>The administration entries of templates and outgoing messages.</summary>
internal sealed class MessagingMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("admin.templates", "Message templates", "/admin/templates", 908) { TextZh = "消息模板", Icon = "file-text", Section = MenuSections.System, RequiredPermission = MessagingPermissions.Templates },
        new("admin.messages", "Outgoing messages", "/admin/messages", 909) { TextZh = "外发消息", Icon = "mail", Section = MenuSections.Monitoring, RequiredPermission = MessagingPermissions.Templates },
    ];
}
