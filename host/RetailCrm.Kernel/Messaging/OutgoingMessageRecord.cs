using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.Messaging;

/// <summary>Where an outgoing message is.</summary>
public enum OutgoingMessageStatus
{
    /// <summary>Waiting to be sent, or to be tried again after a transport error.</summary>
    Pending,

    /// <summary>Handed to the channel.</summary>
    Sent,

    /// <summary>Not sent: its template failed, the channel refused it, or every attempt failed. <c>Reason</c> says which.</summary>
    Failed,
}

/// <summary>Why a message failed, which decides what sends it again.</summary>
public enum OutgoingFailure
{
    /// <summary>Not failed.</summary>
    None,

    /// <summary>The template does not parse or fails on the model: saving a fixed template sends it.</summary>
    Template,

    /// <summary>The channel refused it for good, or there is no channel of its kind.</summary>
    Rejected,

    /// <summary>Every attempt met a transport error.</summary>
    Transport,
}

/// <summary>A templated message stored first and sent by <see cref="OutgoingMessagesJob"/>, so it is never lost.</summary>
[NotAudited]
internal sealed class OutgoingMessageRecord : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Channel { get; set; } = "";

    public string To { get; set; } = "";

    public string? ToName { get; set; }

    public string TemplateKey { get; set; } = "";

    public string Culture { get; set; } = "en";

    /// <summary>The template's model as JSON with snake_case names, as the template reads it.</summary>
    public string ModelJson { get; set; } = "{}";

    public OutgoingMessageStatus Status { get; set; }

    public OutgoingFailure Failure { get; set; }

    public string? Reason { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public string? Subject { get; set; }

    /// <summary>The Message-ID the sender chose (threading), or null for the channel to make one.</summary>
    public string? MessageId { get; set; }

    /// <summary>The Message-ID this message answers, or null.</summary>
    public string? InReplyTo { get; set; }

    /// <summary>The conversation's Message-IDs, oldest first, separated by spaces (as in the References header); null for none.</summary>
    public string? References { get; set; }

    /// <summary>The transport's id, e.g. the e-mail's Message-ID.</summary>
    public string? TransportId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }
}

internal sealed class OutgoingMessageConfiguration : IEntityTypeConfiguration<OutgoingMessageRecord>
{
    public void Configure(EntityTypeBuilder<OutgoingMessageRecord> builder)
    {
        builder.ToTable("outgoing_messages");
        builder.Property(x => x.Channel).HasMaxLength(50);
        builder.Property(x => x.To).HasMaxLength(320);
        builder.Property(x => x.ToName).HasMaxLength(200);
        builder.Property(x => x.TemplateKey).HasMaxLength(200);
        builder.Property(x => x.Culture).HasMaxLength(10);
        builder.Property(x => x.Reason).HasMaxLength(2000);
        builder.Property(x => x.Subject).HasMaxLength(1000);
        builder.Property(x => x.TransportId).HasMaxLength(300);
        builder.Property(x => x.MessageId).HasMaxLength(300);
        builder.Property(x => x.InReplyTo).HasMaxLength(300);
        builder.Property(x => x.References).HasMaxLength(4000);
        builder.HasIndex(x => new { x.TenantId, x.Status, x.NextAttemptAt });
        builder.HasIndex(x => new { x.TenantId, x.TemplateKey, x.Failure });
    }
}
