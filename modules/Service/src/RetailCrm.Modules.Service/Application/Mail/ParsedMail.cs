using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using MimeKit;

namespace RetailCrm.Modules.Service.Application.Mail;

/// <summary>A file that came with a mail.</summary>
internal sealed record MailFile(string FileName, byte[] Content);

/// <summary>What the service module reads of one inbound mail.</summary>
internal sealed partial record ParsedMail(
    string MessageId,
    string FromAddress,
    string? FromName,
    string Subject,
    string Body,
    IReadOnlyList<string> ThreadIds,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<MailFile> Files,
    bool IsAutomatic)
{
    private const string NoMessageIdDomain = "no-message-id.invalid";

    /// <summary>Where servers note the address a mail was delivered for (a Bcc, an alias forwarding to the mailbox).</summary>
    private static readonly string[] DeliveryHeaders = ["Delivered-To", "X-Original-To", "Envelope-To"];

    /// <summary>
    /// Reads the raw message, or answers why it cannot be read at all. MimeKit reads almost anything, so "malformed" in
    /// practice is a mail with no sender address (<see cref="Problem"/>): nobody to answer, nothing to thread.
    /// </summary>
    public static (ParsedMail? Mail, string? Reason) Parse(byte[] raw)
    {
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = MimeMessage.Load(stream);
        }
        catch (FormatException e)
        {
            return (null, "The mail cannot be read: " + e.Message);
        }

        var from = message.From.Mailboxes.FirstOrDefault(m => MailboxAddress.TryParse(m.Address, out _) && m.Address.Contains('@', StringComparison.Ordinal));
        var threadIds = message.References.Reverse().Prepend(message.InReplyTo).OfType<string>().Where(id => id.Length > 0).Distinct().ToList();
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).Select(m => m.Address)
            .Concat(DeliveryHeaders.SelectMany(h => message.Headers.Where(x => x.Field.Equals(h, StringComparison.OrdinalIgnoreCase)).Select(x => x.Value.Trim().Trim('<', '>'))))
            .Select(a => a.ToLowerInvariant()).Distinct().ToList();
        var files = message.Attachments.OfType<MimePart>().Select(ToFile).ToList();
        var automatic = message.Headers[HeaderId.AutoSubmitted] is { } auto && !auto.Trim().Equals("no", StringComparison.OrdinalIgnoreCase);
        return (new ParsedMail(
            string.IsNullOrWhiteSpace(message.MessageId) ? $"{Convert.ToHexStringLower(SHA256.HashData(raw))[..40]}@{NoMessageIdDomain}" : message.MessageId,
            from?.Address.ToLowerInvariant() ?? "",
            string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name.Trim(),
            message.Subject?.Trim() ?? "",
            BodyOf(message),
            threadIds,
            recipients,
            files,
            automatic || message.Headers[HeaderId.Precedence] is "bulk" or "junk" or "list"), null);
    }

    /// <summary>Why the mail cannot become a ticket although it was read (no sender address), or null.</summary>
    public string? Problem => FromAddress.Length == 0 ? "The mail has no sender address (From), so it can be neither answered nor threaded." : null;

    /// <summary>A Message-ID as the ticket entries store it: without angle brackets.</summary>
    public static string Normalize(string messageId) => messageId.Trim().Trim('<', '>');

    private static MailFile ToFile(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        var name = part.FileName ?? (part.ContentType.MimeType + "." + (MimeTypes.TryGetExtension(part.ContentType.MimeType, out var extension) ? extension.TrimStart('.') : "bin"));
        return new MailFile(Path.GetFileName(name), content.ToArray());
    }

    private static string BodyOf(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.TextBody))
        {
            return message.TextBody.Trim();
        }

        return message.HtmlBody is { } html ? WebUtility.HtmlDecode(Tags().Replace(Breaks().Replace(html, "\n"), "")).Trim() : "";
    }

    [GeneratedRegex(@"<(br|/p|/div|/li|/h\d)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();
}
