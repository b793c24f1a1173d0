using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.Tickets;

/// <summary>What an entry of a ticket's conversation is.</summary>
internal enum TicketEntryKind
{
    /// <summary>An agent's answer, sent to the customer.</summary>
    Reply,

    /// <summary>An internal note; the customer never sees it.</summary>
    Note,

    /// <summary>What the customer wrote or said (the first message, an e-mail, an SMS).</summary>
    CustomerMessage,
}

/// <summary>One entry of a ticket's conversation.</summary>
internal sealed class TicketEntry : ITenantOwned
{
    public const int MaxBodyLength = 20_000;

    private TicketEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid TicketId { get; set; }

    public TicketEntryKind Kind { get; private set; }

    public TicketChannel Channel { get; private set; }

    public string Body { get; private set; } = "";

    public Guid? AuthorUserId { get; private set; }

    /// <summary>Who wrote it, as shown: the agent's user name or the customer's name or address.</summary>
    public string AuthorName { get; private set; } = "";

    /// <summary>The Message-ID of the mail it came in as or went out as; null for other channels.</summary>
    public string? MessageId { get; set; }

    public DateTime CreatedAt { get; private set; }

    public static TicketEntry Create(Guid ticketId, TicketEntryKind kind, TicketChannel channel, string body, Guid? authorUserId, string authorName, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        TicketId = ticketId,
        Kind = kind,
        Channel = channel,
        Body = body,
        AuthorUserId = authorUserId,
        AuthorName = authorName,
        CreatedAt = now,
    };
}
