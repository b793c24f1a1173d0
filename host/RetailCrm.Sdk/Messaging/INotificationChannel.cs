namespace RetailCrm.Sdk.Messaging;

/// <summary>
/// One message as a channel sends it, already rendered from its template.
/// </summary>
/// <param name="Id">The outgoing message's id: the same on every attempt, so a channel can make its transport id from it.</param>
/// <param name="To">The recipient's address in the channel's terms (an e-mail address, a phone number).</param>
/// <param name="ToName">The recipient's name, when known.</param>
/// <param name="Subject">The subject (channels without one ignore it).</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Html">The HTML body, or null.</param>
public sealed record ChannelMessage(Guid Id, string To, string? ToName, string Subject, string Text, string? Html)
{
    /// <summary>The transport id the sender chose (an e-mail's Message-ID, without angle brackets), or null to let the channel make one.</summary>
    public string? MessageId { get; init; }

    /// <summary>The transport id of the message this one answers (an e-mail's In-Reply-To), or null.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>The transport ids of the conversation so far, oldest first (an e-mail's References); empty for none.</summary>
    public IReadOnlyList<string> References { get; init; } = [];
}

/// <summary>
/// A way of reaching people: e-mail, SMS, a messenger. Register with <c>services.AddScoped&lt;INotificationChannel, T&gt;()</c>;
/// an SMS vendor is a plugin that registers one. The kernel calls it from a background job inside the message's tenant,
/// so tenant settings (credentials, sender) apply.
/// </summary>
public interface INotificationChannel
{
    /// <summary>The kind modules ask for, e.g. <c>email</c> or <c>sms</c>; one channel per kind is used (the last registered).</summary>
    string Kind { get; }

    /// <summary>
    /// Sends one message and answers the transport's id for it (an e-mail's Message-ID), or null. Any exception is a
    /// transport error and the message is tried again later with back-off, except <see cref="NotificationRejectedException"/>,
    /// which fails it at once.
    /// </summary>
    Task<string?> SendAsync(ChannelMessage message, CancellationToken cancellationToken);
}

/// <summary>The channel refuses the message for good (a malformed address, a channel not configured): trying again cannot help.</summary>
public sealed class NotificationRejectedException(string message) : Exception(message);
