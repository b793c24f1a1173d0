using RetailCrm.Sdk.Settings;

namespace RetailCrm.Kernel.Messaging;

/// <summary>The tenant's SMTP server and sender, used by <see cref="EmailChannel"/>.</summary>
internal sealed class MailSettings : ISettingDefinitionProvider
{
    public const string Host = "crm.mail.smtp-host";
    public const string Port = "crm.mail.smtp-port";
    public const string Security = "crm.mail.smtp-security";
    public const string UserName = "crm.mail.smtp-user";
    public const string Password = "crm.mail.smtp-password";
    public const string FromAddress = "crm.mail.from-address";
    public const string FromName = "crm.mail.from-name";

    public void Define(ISettingDefinitionContext context)
    {
        context.Add(new SettingDefinition(Host, SettingType.String, null, "SMTP server", "SMTP 服务器"));
        context.Add(new SettingDefinition(Port, SettingType.Int, "587", "SMTP port", "SMTP 端口")
        {
            Validator = v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) is > 0 and < 65536 ? null : "A port is 1 to 65535.",
        });
        context.Add(new SettingDefinition(Security, SettingType.Choice, "auto", "SMTP encryption", "SMTP 加密方式") { Choices = ["auto", "starttls", "ssl", "none"] });
        context.Add(new SettingDefinition(UserName, SettingType.String, null, "SMTP user", "SMTP 用户名"));
        context.Add(new SettingDefinition(Password, SettingType.String, null, "SMTP password", "SMTP 密码") { IsSecret = true });
        context.Add(new SettingDefinition(FromAddress, SettingType.String, null, "Sender address", "发件人地址")
        {
            Validator = v => MimeKit.MailboxAddress.TryParse(v, out _) ? null : "Write an e-mail address, e.g. service@example.com.",
        });
        context.Add(new SettingDefinition(FromName, SettingType.String, "RetailCrm", "Sender name", "发件人名称"));
    }
}
