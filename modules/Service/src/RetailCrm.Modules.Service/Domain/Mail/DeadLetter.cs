using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Mail;

/// <summary>
/// A mail a mailbox could not take in (it does not parse, has no sender, or the ticket refused it), kept with its raw
/// bytes and the reason so that an admin can download it, take it in again after fixing the cause, or discard it.
/// </summary>
internal sealed class DeadLetter : ITenantOwned
{
    public const int MaxReasonLength = 2000;
    public const int MaxHeaderLength = 400;

    private DeadLetter()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid MailboxId { get; private set; }

    public long Uid { get; private set; }

    /// <summary>The mail's Message-ID, when it had one it could be read from.</summary>
    public string? MessageId { get; private set; }

    public string? From { get; private set; }

    public string? Subject { get; private set; }

    public string Reason { get; set; } = "";

    /// <summary>The message as the server gave it (RFC 5322 bytes), downloadable as <c>.eml</c>.</summary>
    public byte[] Raw { get; private set; } = [];

    public DateTime ReceivedAt { get; private set; }

    /// <summary>How many times an admin asked to take it in again.</summary>
    public int Retries { get; set; }

    public static DeadLetter Of(Guid mailboxId, long uid, byte[] raw, string? messageId, string? from, string? subject, string reason, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        MailboxId = mailboxId,
        Uid = uid,
        Raw = raw,
        MessageId = Cut(messageId, MaxHeaderLength),
        From = Cut(from, MaxHeaderLength),
        Subject = Cut(subject, MaxHeaderLength),
        Reason = Cut(reason, MaxReasonLength)!,
        ReceivedAt = now,
    };

    public static string? Cut(string? text, int length) => text is not null && text.Length > length ? text[..length] : text;
}
