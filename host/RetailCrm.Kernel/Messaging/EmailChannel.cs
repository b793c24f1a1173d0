using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using RetailCrm.Sdk.Messaging;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Kernel.Messaging;

/// <summary>E-mail through the tenant's SMTP server (MailKit), with the settings of <see cref="MailSettings"/>.</summary>
internal sealed class EmailChannel(ISettingProvider settings) : INotificationChannel
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public string Kind => ChannelKinds.Email;

    public async Task<string?> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var host = await settings.GetAsync(MailSettings.Host, cancellationToken);
        var fromAddress = await settings.GetAsync(MailSettings.FromAddress, cancellationToken);
        if (string.IsNullOrWhiteSpace(host) || !MailboxAddress.TryParse(fromAddress, out var from))
        {
            throw new NotificationRejectedException($"E-mail is not set up: set {MailSettings.Host} and {MailSettings.FromAddress} in the settings.");
        }

        if (!MailboxAddress.TryParse(message.To, out var to))
        {
            throw new NotificationRejectedException($"'{message.To}' is not an e-mail address.");
        }

        from.Name = await settings.GetAsync(MailSettings.FromName, cancellationToken);
        to.Name = message.ToName;
        var mail = Compose(message, from, to);
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        await client.ConnectAsync(host, await settings.GetIntAsync(MailSettings.Port, cancellationToken), await SecurityAsync(cancellationToken), cancellationToken);
        var user = await settings.GetAsync(MailSettings.UserName, cancellationToken);
        if (!string.IsNullOrEmpty(user))
        {
            await client.AuthenticateAsync(user, await settings.GetAsync(MailSettings.Password, cancellationToken) ?? "", cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        return mail.MessageId;
    }

    /// <summary>
    /// The Message-ID is the sender's when given, else made from the message's id: either way a retry after a lost answer
    /// sends the same id and threads the same. In-Reply-To and References carry the conversation for the recipient's threading.
    /// </summary>
    private static MimeMessage Compose(ChannelMessage message, MailboxAddress from, MailboxAddress to)
    {
        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        var mail = new MimeMessage { Subject = message.Subject, Body = body.ToMessageBody() };
        mail.From.Add(from);
        mail.To.Add(to);
        mail.MessageId = message.MessageId ?? $"{message.Id:N}@{from.Domain}";
        mail.InReplyTo = message.InReplyTo;
        foreach (var reference in message.References)
        {
            mail.References.Add(reference);
        }

        return mail;
    }

    private async Task<SecureSocketOptions> SecurityAsync(CancellationToken cancellationToken) =>
        await settings.GetAsync(MailSettings.Security, cancellationToken) switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "ssl" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
}
