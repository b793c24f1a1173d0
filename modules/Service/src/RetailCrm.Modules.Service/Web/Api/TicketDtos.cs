using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Tickets;

namespace RetailCrm.Modules.Service.Web.Api;

/// <summary>A ticket as the API answers it; send <see cref="Version"/> back with a change.</summary>
internal sealed record TicketDto(
    Guid Id,
    long Number,
    string Reference,
    string Type,
    string Subject,
    TicketStatus Status,
    TicketPriority Priority,
    TicketChannel Channel,
    string? Category,
    IReadOnlyList<string> Tags,
    Guid? CustomerId,
    string? CustomerTier,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    string Language,
    Guid? AssigneeUserId,
    Guid? TeamUnitId,
    IReadOnlyDictionary<string, string> Fields,
    DateTime OpenedAt,
    DateTime? FirstResponseAt,
    DateTime? ResolvedAt,
    DateTime? ClosedAt,
    DateTime UpdatedAt,
    Guid? MergedIntoId,
    Guid? FollowsUpId,
    int Version)
{
    public static TicketDto From(Ticket t) => new(
        t.Id, t.Number, t.Reference, t.TypeKey, t.Subject, t.Status, t.Priority, t.Channel, t.Category,
        t.Tags.Length == 0 ? [] : t.Tags.Split(','), t.CustomerId, t.CustomerTier, t.ContactName, t.ContactPhone, t.ContactEmail,
        t.Language, t.AssigneeUserId, t.TeamUnitId, t.FieldValues, t.OpenedAt, t.FirstResponseAt, t.ResolvedAt, t.ClosedAt,
        t.UpdatedAt, t.MergedIntoId, t.FollowsUpId, t.Version);
}

/// <summary>One entry of the conversation: <c>Reply</c>, <c>Note</c> or <c>CustomerMessage</c>.</summary>
internal sealed record TicketEntryDto(Guid Id, string Kind, TicketChannel Channel, string Body, Guid? AuthorUserId, string AuthorName, DateTime CreatedAt)
{
    public static TicketEntryDto From(TicketEntry e) => new(e.Id, e.Kind.ToString(), e.Channel, e.Body, e.AuthorUserId, e.AuthorName, e.CreatedAt);
}

/// <summary>One change in the ticket's history.</summary>
internal sealed record TicketChangeDto(string Field, string? OldValue, string? NewValue, string UserName, DateTime At);

/// <summary>A ticket with its conversation, history and files.</summary>
internal sealed record TicketDetailsDto(TicketDto Ticket, IReadOnlyList<TicketEntryDto> Entries, IReadOnlyList<TicketChangeDto> History, IReadOnlyList<AttachmentInfo> Attachments)
{
    public static TicketDetailsDto From(TicketDetails d) => new(
        TicketDto.From(d.Ticket),
        d.Entries.Select(TicketEntryDto.From).ToList(),
        d.Changes.Select(c => new TicketChangeDto(c.Field, c.OldValue, c.NewValue, c.UserName, c.At)).ToList(),
        d.Attachments);
}

/// <summary>A page of tickets; <c>totalIsLowerBound</c> says the count stopped at <c>total</c> (10,000 for a view, 1,000 for a search) and more match.</summary>
internal sealed record TicketListDto(IReadOnlyList<TicketRow> Items, int Total, int Page, int PageSize, bool TotalIsLowerBound);

/// <summary>A ticket type with its own fields.</summary>
internal sealed record TicketTypeDto(string Key, string Name, string NameZh, bool IsActive, int? FollowUpAfterDays, IReadOnlyList<TicketFieldDefinition> Fields)
{
    public static TicketTypeDto From(TicketType t) => new(t.Key, t.Name, t.NameZh, t.IsActive, t.FollowUpAfterDays, t.Fields);
}

/// <summary>The body of a reply or a note; <c>version</c> is the ticket's as last read.</summary>
internal sealed record TicketPostRequest(string? Body, TicketStatus? Status, int Version);

/// <summary>The body of a status change.</summary>
internal sealed record TicketStatusRequest(TicketStatus? Status, int Version);

/// <summary>The body of an assignment; both null clears it.</summary>
internal sealed record TicketAssignmentRequest(Guid? AssigneeUserId, Guid? TeamUnitId, int Version);

/// <summary>The body of a change of details; what is left out stays.</summary>
internal sealed record TicketEditRequest(string? Subject, TicketPriority? Priority, string? Category, string? Tags, string? Type, IReadOnlyDictionary<string, string?>? Fields, int Version);

/// <summary>The body of a merge of this ticket into <c>targetId</c>.</summary>
internal sealed record TicketMergeRequest(Guid? TargetId, int Version);

/// <summary>The body of linking the ticket to a customer.</summary>
internal sealed record TicketCustomerRequest(Guid? CustomerId, int Version);

/// <summary>A contact to register as a customer on the spot (members' duplicate check applies).</summary>
internal sealed record ContactRegistrationRequest(string? DisplayName, string? Phone, string? Email, bool KeepDespiteDuplicates);
