using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Templates;
using RetailCrm.Sdk.Messaging;

namespace RetailCrm.Kernel.Messaging;

/// <summary>
/// Sends the current tenant's due messages: renders each (a failing template fails the message and sends nothing),
/// hands it to the channel of its kind, and on a transport error tries again later, doubling the wait each time,
/// until the attempts run out.
/// </summary>
internal sealed class OutgoingMessageSender(
    KernelDbContext db,
    TemplateTexts texts,
    IEnumerable<INotificationChannel> channels,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<OutgoingMessageSender> logger)
{
    private const int Batch = 50;

    private int MaxAttempts => configuration.GetValue("RetailCrm:Messaging:MaxAttempts", 8);

    private TimeSpan RetryBase => TimeSpan.FromMilliseconds(configuration.GetValue("RetailCrm:Messaging:RetryBaseMilliseconds", 30_000));

    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Set<OutgoingMessageRecord>()
            .Where(m => m.Status == OutgoingMessageStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).Take(Batch)
            .ToListAsync(cancellationToken);
        var byKind = channels.GroupBy(c => c.Kind, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
        foreach (var message in due)
        {
            await SendAsync(message, byKind.GetValueOrDefault(message.Channel), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return due.Count;
    }

    private async Task SendAsync(OutgoingMessageRecord message, INotificationChannel? channel, CancellationToken cancellationToken)
    {
        if (await texts.FindAsync(message.TemplateKey, message.Culture, cancellationToken) is not { } template)
        {
            Fail(message, OutgoingFailure.Template, $"No template '{message.TemplateKey}' is defined.");
            return;
        }

        var (content, errors) = await ScribanTemplates.RenderAsync(template.Text, message.ModelJson, cancellationToken);
        if (content is null)
        {
            Fail(message, OutgoingFailure.Template, $"Template {message.TemplateKey} fails at {string.Join("; ", errors)}.");
            return;
        }

        if (channel is null)
        {
            Fail(message, OutgoingFailure.Rejected, $"No channel of kind '{message.Channel}' is installed.");
            return;
        }

        message.Subject = Shorten(content.Subject, 1000);
        message.Attempts++;
        try
        {
            message.TransportId = await channel.SendAsync(new ChannelMessage(message.Id, message.To, message.ToName, content.Subject, content.Text, content.Html)
            {
                MessageId = message.MessageId,
                InReplyTo = message.InReplyTo,
                References = message.References?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
            }, cancellationToken);
            message.Status = OutgoingMessageStatus.Sent;
            message.SentAt = time.GetUtcNow().UtcDateTime;
            message.Reason = null;
        }
        catch (NotificationRejectedException e)
        {
            Fail(message, OutgoingFailure.Rejected, e.Message);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Sending message {MessageId} through {Channel} failed (attempt {Attempt})", message.Id, message.Channel, message.Attempts);
            var reason = $"{e.GetType().Name}: {e.Message}";
            if (message.Attempts >= MaxAttempts)
            {
                Fail(message, OutgoingFailure.Transport, $"Gave up after {message.Attempts} attempts. {reason}");
                return;
            }

            message.Reason = Shorten(reason, 2000);
            message.NextAttemptAt = time.GetUtcNow().UtcDateTime + RetryBase * Math.Pow(2, message.Attempts - 1);
        }
    }

    private static void Fail(OutgoingMessageRecord message, OutgoingFailure failure, string reason)
    {
        message.Status = OutgoingMessageStatus.Failed;
        message.Failure = failure;
        message.Reason = Shorten(reason, 2000);
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];
}
