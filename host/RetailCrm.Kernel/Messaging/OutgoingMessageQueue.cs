using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Templates;
using RetailCrm.Sdk.Messaging;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Kernel.Messaging;

/// <summary>An outgoing message as the admin page and API show it.</summary>
public sealed record OutgoingMessageDto(
    Guid Id, string Channel, string To, string TemplateKey, string Culture, OutgoingMessageStatus Status, OutgoingFailure Failure,
    string? Reason, int Attempts, string? Subject, string? TransportId, DateTime CreatedAt, DateTime? SentAt);

/// <summary>The outgoing messages of the current tenant for the admin page: listed, failed ones sent again, a check e-mail sent.</summary>
public interface IOutgoingMessageAdministration
{
    /// <summary>The newest messages first, optionally of one status.</summary>
    Task<IReadOnlyList<OutgoingMessageDto>> ListAsync(OutgoingMessageStatus? status, int take, CancellationToken cancellationToken);

    /// <summary>Queues a failed message again now, with its attempts counted afresh.</summary>
    Task<Result<OutgoingMessageDto>> RetryAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Queues the e-mail that checks the tenant's mail settings (template <c>crm.mail-check</c>).</summary>
    Task<Result<Guid>> QueueMailCheckAsync(string? address, string requestedBy, string culture, CancellationToken cancellationToken);
}

/// <summary>Stores outgoing messages of the current tenant, lists them and queues failed ones again.</summary>
internal sealed class OutgoingMessageQueue(KernelDbContext db, TimeProvider time, RetailCrm.Sdk.MultiTenancy.ICurrentTenant tenant) : IOutgoingMessages, IOutgoingMessageAdministration
{
    public async Task<Result<Guid>> QueueMailCheckAsync(string? address, string requestedBy, string culture, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(address) || !MimeKit.MailboxAddress.TryParse(address, out _))
        {
            return Refusal.Invalid("invalid-address", "to", "Write an e-mail address, e.g. service@example.com.");
        }

        return await QueueAsync(new OutgoingMessage(ChannelKinds.Email, address.Trim(), KernelTemplates.MailCheck, new MailCheckModel(tenant.Name ?? "", requestedBy), culture), cancellationToken);
    }

    public async Task<Guid> QueueAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.To);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.TemplateKey);
        var now = time.GetUtcNow().UtcDateTime;
        var record = new OutgoingMessageRecord
        {
            Id = Guid.NewGuid(),
            Channel = message.Channel.Trim().ToLowerInvariant(),
            To = message.To.Trim(),
            ToName = message.ToName,
            TemplateKey = message.TemplateKey,
            Culture = TemplateCatalog.Normalize(message.Culture),
            ModelJson = ScribanTemplates.Serialize(message.Model),
            MessageId = Header(message.MessageId),
            InReplyTo = Header(message.InReplyTo),
            References = message.References.Count == 0 ? null : string.Join(' ', message.References.Select(Header).OfType<string>()),
            Status = OutgoingMessageStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.Set<OutgoingMessageRecord>().Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }

    public async Task<IReadOnlyList<OutgoingMessageDto>> ListAsync(OutgoingMessageStatus? status, int take, CancellationToken cancellationToken) =>
        await db.Set<OutgoingMessageRecord>().AsNoTracking()
            .Where(m => status == null || m.Status == status)
            .OrderByDescending(m => m.CreatedAt).Take(take)
            .Select(m => new OutgoingMessageDto(m.Id, m.Channel, m.To, m.TemplateKey, m.Culture, m.Status, m.Failure, m.Reason, m.Attempts, m.Subject, m.TransportId, m.CreatedAt, m.SentAt))
            .ToListAsync(cancellationToken);

    public async Task<Result<OutgoingMessageDto>> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var message = await db.Set<OutgoingMessageRecord>().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return Refusal.NotFound("message-not-found", "No outgoing message {0}.", id);
        }

        if (message.Status != OutgoingMessageStatus.Failed)
        {
            return Refusal.Conflict("message-not-failed", "Only a failed message can be sent again; this one is {0}.", message.Status);
        }

        Requeue(message);
        await db.SaveChangesAsync(cancellationToken);
        return new OutgoingMessageDto(message.Id, message.Channel, message.To, message.TemplateKey, message.Culture, message.Status, message.Failure,
            message.Reason, message.Attempts, message.Subject, message.TransportId, message.CreatedAt, message.SentAt);
    }

    /// <summary>Queues again every message that failed on the template (it was just fixed); answers how many.</summary>
    public async Task<int> ResendFailedOnTemplateAsync(string templateKey, CancellationToken cancellationToken)
    {
        var failed = await db.Set<OutgoingMessageRecord>()
            .Where(m => m.TemplateKey == templateKey && m.Status == OutgoingMessageStatus.Failed && m.Failure == OutgoingFailure.Template)
            .ToListAsync(cancellationToken);
        failed.ForEach(Requeue);
        await db.SaveChangesAsync(cancellationToken);
        return failed.Count;
    }

    /// <summary>A Message-ID as stored: trimmed, without angle brackets; null when empty.</summary>
    private static string? Header(string? messageId) => messageId?.Trim().Trim('<', '>') is { Length: > 0 } id ? id : null;

    private void Requeue(OutgoingMessageRecord message)
    {
        message.Status = OutgoingMessageStatus.Pending;
        message.Failure = OutgoingFailure.None;
        message.Attempts = 0;
        message.NextAttemptAt = time.GetUtcNow().UtcDateTime;
    }
}
