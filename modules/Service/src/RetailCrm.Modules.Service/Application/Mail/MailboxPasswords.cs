using Microsoft.AspNetCore.DataProtection;

namespace RetailCrm.Modules.Service.Application.Mail;

/// <summary>
/// Protects mailbox passwords at rest the way the kernel protects secret settings (SettingDefinition.IsSecret): ASP.NET
/// Core Data Protection with the host's key ring, under this module's own purpose.
/// </summary>
internal sealed class MailboxPasswords(IDataProtectionProvider protection)
{
    private const string Purpose = "service.mailboxes.passwords";

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    public string Protect(string password) => Protector.Protect(password);

    public string Unprotect(string protectedPassword) => protectedPassword.Length == 0 ? "" : Protector.Unprotect(protectedPassword);
}
