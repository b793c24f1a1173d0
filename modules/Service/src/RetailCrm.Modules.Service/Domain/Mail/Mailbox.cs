using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Mail;

/// <summary>How the connection to the IMAP server is secured.</summary>
internal enum MailboxSecurity
{
    /// <summary>TLS when the server offers it (STARTTLS), as MailKit decides.</summary>
    Auto,

    /// <summary>TLS from the first byte (usually port 993).</summary>
    SslOnConnect,

    /// <summary>Plain first, then STARTTLS, which must succeed.</summary>
    StartTls,

    /// <summary>No encryption (a server on the same machine, tests).</summary>
    None,
}

/// <summary>
/// An IMAP mailbox of one tenant that the service module reads: mail to <see cref="Address"/> in <see cref="Folder"/>
/// becomes tickets or threads into them. <see cref="UidValidity"/> and <see cref="LastUid"/> remember how far it was read,
/// so nothing is read twice or skipped.
/// </summary>
internal sealed class Mailbox : ITenantOwned
{
    public const int MaxNameLength = 80;
    public const int MaxHostLength = 200;
    public const int MaxUserLength = 200;
    public const int MaxFolderLength = 200;
    public const int MaxAddressLength = 200;
    public const int MaxErrorLength = 1000;

    private Mailbox()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public string Name { get; set; } = "";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 993;

    public MailboxSecurity Security { get; set; }

    public string UserName { get; set; } = "";

    /// <summary>The password, protected with ASP.NET Core Data Protection as the kernel protects secret settings; never shown.</summary>
    public string ProtectedPassword { get; set; } = "";

    public string Folder { get; set; } = "INBOX";

    /// <summary>The address the mailbox receives for (lower case): mail in the folder to other addresses is left alone.</summary>
    public string Address { get; set; } = "";

    /// <summary>The ticket type of tickets it opens.</summary>
    public string DefaultTypeKey { get; set; } = "inquiry";

    /// <summary>A fax gateway's mailbox: its mails open fax tickets with the fax as the attachment.</summary>
    public bool IsFax { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The folder's UIDVALIDITY when <see cref="LastUid"/> was read; another value means the UIDs started over.</summary>
    public long? UidValidity { get; private set; }

    /// <summary>The highest UID taken in (as a ticket, a threaded message, a dead letter or mail for another address).</summary>
    public long LastUid { get; private set; }

    public DateTime? LastPolledAt { get; private set; }

    /// <summary>Why the last poll failed (connection, sign-in), or null when it worked.</summary>
    public string? LastError { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Mailbox Create(DateTime now) => new() { Id = Guid.NewGuid(), CreatedAt = now };

    /// <summary>The folder's UIDs started over (it was re-created): read it again from the start; Message-IDs keep it from doubling tickets.</summary>
    public void StartOver(long uidValidity)
    {
        UidValidity = uidValidity;
        LastUid = 0;
    }

    public void Passed(long uid)
    {
        if (uid > LastUid)
        {
            LastUid = uid;
        }
    }

    public void Polled(DateTime now, string? error)
    {
        LastPolledAt = now;
        LastError = error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error;
    }
}
