using RetailCrm.Modules.Service.Contracts;

namespace RetailCrm.Modules.Service.Application.Tickets;

/// <summary>What opens a ticket, from a page, the API or a channel. Missing values are refused by the use case, not the binder.</summary>
internal sealed record NewTicket
{
    /// <summary>The ticket type's key; <c>inquiry</c> when empty.</summary>
    public string? Type { get; init; }

    public string? Subject { get; init; }

    /// <summary>What the customer wrote or said, kept as the first customer message.</summary>
    public string? Body { get; init; }

    public TicketChannel Channel { get; init; } = TicketChannel.WalkIn;

    public TicketPriority Priority { get; init; } = TicketPriority.Normal;

    public string? Category { get; init; }

    /// <summary>Comma-separated.</summary>
    public string? Tags { get; init; }

    public Guid? CustomerId { get; init; }

    public string? ContactName { get; init; }

    public string? ContactPhone { get; init; }

    public string? ContactEmail { get; init; }

    /// <summary><c>en</c> or <c>zh-CN</c>; the customer's mails are written in it. <c>en</c> when empty.</summary>
    public string? Language { get; init; }

    public Guid? AssigneeUserId { get; init; }

    public Guid? TeamUnitId { get; init; }

    /// <summary>The values of the type's own fields, by field key.</summary>
    public IReadOnlyDictionary<string, string?>? Fields { get; init; }

    /// <summary>The Message-ID of the mail that opened it; null for other channels.</summary>
    public string? MessageId { get; init; }

    /// <summary>The call (its record's id) the ticket was opened from, e.g. by the screen pop; linked once the ticket is saved.</summary>
    public Guid? CallId { get; init; }
}

/// <summary>A change of a ticket's details; null leaves a value as it is.</summary>
internal sealed record TicketEdit
{
    public string? Subject { get; init; }

    public TicketPriority? Priority { get; init; }

    public string? Category { get; init; }

    public string? Tags { get; init; }

    public string? Type { get; init; }

    public IReadOnlyDictionary<string, string?>? Fields { get; init; }
}

/// <summary>An agent's reply or note, with the status the ticket moves to (null: as the rules say).</summary>
internal sealed record TicketPost(string? Body, TicketStatus? Status = null);

/// <summary>What a customer sent on an existing ticket (inbound e-mail, SMS).</summary>
internal sealed record CustomerMessage(string Body, TicketChannel Channel, string AuthorName, string? MessageId = null);
