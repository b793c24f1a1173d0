namespace RetailCrm.Sdk.Messaging;

/// <summary>The channel kinds the kernel knows by name; plugins may add others.</summary>
public static class ChannelKinds
{
    /// <summary>E-mail through the tenant's SMTP server.</summary>
    public const string Email = "email";

    /// <summary>Text messages, through a plugin's channel.</summary>
    public const string Sms = "sms";
}

/// <summary>
/// A templated message to one recipient.
/// </summary>
/// <param name="Channel">The channel kind, e.g. <see cref="ChannelKinds.Email"/>.</param>
/// <param name="To">The recipient's address for that channel.</param>
/// <param name="TemplateKey">The template, e.g. <c>service.ticket-reply</c>.</param>
/// <param name="Model">The template's model; stored as JSON (snake_case members) until the message is sent.</param>
/// <param name="Culture">The recipient's language, e.g. <c>zh-CN</c>; <c>en</c> when null.</param>
public sealed record OutgoingMessage(string Channel, string To, string TemplateKey, object Model, string? Culture = null)
{
    /// <summary>The recipient's name, when known (an e-mail's display name).</summary>
    public string? ToName { get; init; }

    /// <summary>
    /// The e-mail's Message-ID, without angle brackets, e.g. <c>reply-42@example.com</c>: chosen by the sender so it can
    /// be stored with what the message answers (ticket threading) before it is sent; null lets the channel make one.
    /// </summary>
    public string? MessageId { get; init; }

    /// <summary>The Message-ID this message answers (In-Reply-To), without angle brackets, or null.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>The Message-IDs of the conversation so far, oldest first (References); empty for none.</summary>
    public IReadOnlyList<string> References { get; init; } = [];
}

/// <summary>
/// Sends templated messages durably: <see cref="QueueAsync"/> stores the message in the current tenant, and a
/// background job renders and sends it. A transport error is tried again with back-off; a template that fails sends
/// nothing and keeps the message as failed with the reason, until the tenant saves a fixed template, which sends it.
/// </summary>
public interface IOutgoingMessages
{
    /// <summary>Stores the message for sending and answers its id.</summary>
    Task<Guid> QueueAsync(OutgoingMessage message, CancellationToken cancellationToken = default);
}
