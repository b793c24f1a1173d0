using RetailCrm.Sdk.Templates;

namespace RetailCrm.Kernel.Messaging;

/// <summary>The model of <see cref="KernelTemplates.MailCheck"/>.</summary>
/// <param name="TenantName">The tenant whose settings are checked.</param>
/// <param name="RequestedBy">The user who asked for the check.</param>
internal sealed record MailCheckModel(string TenantName, string RequestedBy);

/// <summary>The kernel's own templates.</summary>
internal sealed class KernelTemplates : ITemplateDefinitionProvider
{
    /// <summary>The message the outgoing-messages page sends to check the tenant's e-mail settings.</summary>
    public const string MailCheck = "crm.mail-check";

    public void Define(ITemplateDefinitionContext context) =>
        context.Add(new TemplateDefinition(MailCheck, "E-mail settings check", "邮件设置检查")
        {
            SampleModel = new MailCheckModel("default", "admin"),
        });
}
