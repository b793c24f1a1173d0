using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Service.Application.Mail;

/// <summary>The settings of the service e-mail channel.</summary>
internal sealed class MailSettingDefinitions : ISettingDefinitionProvider
{
    /// <summary>Whether a ticket opened by e-mail or web form sends the customer an acknowledgement.</summary>
    public const string Acknowledge = "service.mail.acknowledge";

    /// <summary>The kernel's sender address (crm.mail.from-address): the domain of the Message-IDs the module makes.</summary>
    public const string KernelFromAddress = "crm.mail.from-address";

    public void Define(ISettingDefinitionContext context) =>
        context.Add(new SettingDefinition(Acknowledge, SettingType.Bool, "true", "Acknowledge tickets opened by e-mail or web form", "通过邮件或网页表单新建的工单发送受理确认"));
}
