using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Domain.Mail;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Mail;

/// <summary>A mailbox as a form or the API gives it; an empty <see cref="Password"/> on a change keeps the stored one.</summary>
internal sealed record MailboxInput
{
    public string? Name { get; init; }

    public string? Host { get; init; }

    public int? Port { get; init; }

    public MailboxSecurity Security { get; init; }

    public string? UserName { get; init; }

    public string? Password { get; init; }

    public string? Folder { get; init; }

    public string? Address { get; init; }

    public string? DefaultType { get; init; }

    public bool IsFax { get; init; }

    public bool IsActive { get; init; } = true;
}

/// <summary>A mailbox as pages and the API show it: the password only as set or not.</summary>
internal sealed record MailboxView(
    Guid Id, string Name, string Host, int Port, MailboxSecurity Security, string UserName, bool HasPassword, string Folder, string Address,
    string DefaultType, bool IsFax, bool IsActive, long LastUid, DateTime? LastPolledAt, string? LastError)
{
    public static MailboxView Of(Mailbox m) => new(m.Id, m.Name, m.Host, m.Port, m.Security, m.UserName, m.ProtectedPassword.Length > 0, m.Folder, m.Address,
        m.DefaultTypeKey, m.IsFax, m.IsActive, m.LastUid, m.LastPolledAt, m.LastError);
}

/// <summary>The tenant's IMAP mailboxes: listed, added, changed, removed and their connection tested.</summary>
internal sealed class Mailboxes(ServiceDbContext db, MailboxPasswords passwords, TicketTypeCatalog types, TimeProvider time)
{
    public async Task<IReadOnlyList<MailboxView>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await db.Set<Mailbox>().AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken)).Select(MailboxView.Of)];

    public async Task<MailboxView?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<Mailbox>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is { } m ? MailboxView.Of(m) : null;

    public async Task<Result<MailboxView>> CreateAsync(MailboxInput input, CancellationToken cancellationToken)
    {
        var mailbox = Mailbox.Create(time.GetUtcNow().UtcDateTime);
        if (await ApplyAsync(mailbox, input, isNew: true, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        db.Add(mailbox);
        await db.SaveChangesAsync(cancellationToken);
        return MailboxView.Of(mailbox);
    }

    public async Task<Result<MailboxView>> UpdateAsync(Guid id, MailboxInput input, CancellationToken cancellationToken)
    {
        var mailbox = await db.Set<Mailbox>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mailbox is null)
        {
            return NotFound(id);
        }

        if (await ApplyAsync(mailbox, input, isNew: false, cancellationToken) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return refusal;
        }

        await db.SaveChangesAsync(cancellationToken);
        return MailboxView.Of(mailbox);
    }

    /// <summary>Removes the mailbox and its dead letters; tickets it opened stay.</summary>
    public async Task<Result<Guid>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var mailbox = await db.Set<Mailbox>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mailbox is null)
        {
            return NotFound(id);
        }

        db.RemoveRange(await db.Set<DeadLetter>().Where(d => d.MailboxId == id).ToListAsync(cancellationToken));
        db.Remove(mailbox);
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>Connects, signs in and opens the folder; answers how many messages it holds, or why it failed (422).</summary>
    public async Task<Result<int>> TestAsync(Guid id, CancellationToken cancellationToken)
    {
        var mailbox = await db.Set<Mailbox>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mailbox is null)
        {
            return NotFound(id);
        }

        try
        {
            await using var connection = await ImapMailboxConnection.OpenAsync(mailbox, passwords.Unprotect(mailbox.ProtectedPassword), cancellationToken);
            return connection.Count;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return Refusal.Unprocessable("service/mailbox-connection-failed", "The mailbox cannot be read: {0}", e.Message).Titled("The connection failed");
        }
    }

    private async Task<Refusal?> ApplyAsync(Mailbox mailbox, MailboxInput input, bool isNew, CancellationToken cancellationToken)
    {
        var errors = new List<FieldRefusal>();
        var name = TicketInputCheck.Clean(input.Name);
        Check(errors, name is { Length: <= Mailbox.MaxNameLength }, "name", "Give the mailbox a name of 1 to {0} characters.", Mailbox.MaxNameLength);
        var host = TicketInputCheck.Clean(input.Host);
        Check(errors, host is { Length: <= Mailbox.MaxHostLength } && Uri.CheckHostName(host) != UriHostNameType.Unknown, "host", "Write the IMAP server's host name, e.g. imap.example.com.");
        Check(errors, input.Port is > 0 and < 65536, "port", "A port is 1 to 65535 (IMAP: 993 with TLS, 143 without).");
        var user = TicketInputCheck.Clean(input.UserName);
        Check(errors, user is { Length: <= Mailbox.MaxUserLength }, "userName", "Give the user name to sign in with.");
        Check(errors, !isNew || !string.IsNullOrEmpty(input.Password), "password", "Give the password to sign in with.");
        var folder = TicketInputCheck.Clean(input.Folder) ?? "INBOX";
        Check(errors, folder.Length <= Mailbox.MaxFolderLength, "folder", "A folder name has at most {0} characters.", Mailbox.MaxFolderLength);
        var address = TicketInputCheck.Clean(input.Address)?.ToLowerInvariant();
        Check(errors, address is { Length: <= Mailbox.MaxAddressLength } && TicketInputCheck.IsEmail(address), "address", "Write the address the mailbox receives for, e.g. service@example.com.");
        if (address is not null && await db.Set<Mailbox>().AnyAsync(m => m.Address == address && m.Id != mailbox.Id, cancellationToken))
        {
            errors.Add(new FieldRefusal("address", LocalizableText.Of("Another mailbox already receives for {0}.", address)));
        }

        var typeKey = TicketInputCheck.Clean(input.DefaultType) ?? "inquiry";
        Check(errors, await types.FindAsync(typeKey, cancellationToken) is { IsActive: true }, "defaultType", "There is no ticket type '{0}'.", typeKey);
        if (errors.Count > 0)
        {
            return Refusal.Invalid("service/mailbox-invalid", errors);
        }

        mailbox.Name = name!;
        mailbox.Host = host!;
        mailbox.Port = input.Port!.Value;
        mailbox.Security = input.Security;
        mailbox.UserName = user!;
        if (!string.IsNullOrEmpty(input.Password))
        {
            mailbox.ProtectedPassword = passwords.Protect(input.Password);
        }

        mailbox.Folder = folder;
        mailbox.Address = address!;
        mailbox.DefaultTypeKey = typeKey;
        mailbox.IsFax = input.IsFax;
        mailbox.IsActive = input.IsActive;
        return null;
    }

    private static void Check(List<FieldRefusal> errors, bool ok, string field, string template, params object[] arguments)
    {
        if (!ok)
        {
            errors.Add(new FieldRefusal(field, LocalizableText.Of(template, arguments)));
        }
    }

    private static Refusal NotFound(Guid id) => Refusal.NotFound("service/mailbox-not-found", "There is no mailbox {0}.", id);
}
