using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Application.Tickets;

/// <summary>Which tickets the queue shows.</summary>
internal enum QueueView
{
    /// <summary>Not yet resolved, of every agent.</summary>
    Open,

    /// <summary>Not yet resolved, the current agent's.</summary>
    Mine,

    /// <summary>Not yet resolved and nobody's.</summary>
    Unassigned,

    /// <summary>Waiting for the customer or a third party.</summary>
    Pending,

    /// <summary>Resolved or closed.</summary>
    Done,

    /// <summary>Every ticket.</summary>
    All,
}

/// <summary>What the queue asks for: a view, filters, a search term and a page.</summary>
internal sealed record QueueQuery
{
    public QueueView View { get; init; } = QueueView.Open;

    public TicketChannel? Channel { get; init; }

    public string? Type { get; init; }

    public TicketPriority? Priority { get; init; }

    public Guid? CustomerId { get; init; }

    /// <summary>A ticket number (<c>#42</c> or <c>42</c>), words of the subject, or the contact's name, phone or e-mail.</summary>
    public string? Term { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

/// <summary>One row of the queue.</summary>
internal sealed record TicketRow(
    Guid Id,
    long Number,
    string Subject,
    string TypeKey,
    TicketStatus Status,
    TicketPriority Priority,
    TicketChannel Channel,
    Guid? CustomerId,
    string? ContactName,
    Guid? AssigneeUserId,
    Guid? TeamUnitId,
    DateTime OpenedAt,
    DateTime UpdatedAt)
{
    public string Reference => Ticket.FormatReference(Number);
}

/// <summary>A page of the queue and how many tickets match; past a limit the count stops and <see cref="TotalIsLowerBound"/> is set.</summary>
internal sealed record TicketRows(IReadOnlyList<TicketRow> Items, int Total, bool TotalIsLowerBound = false);

/// <summary>A ticket with its conversation, history and files, as the ticket page and the API show it.</summary>
internal sealed record TicketDetails(
    Ticket Ticket,
    TicketType? Type,
    IReadOnlyList<TicketEntry> Entries,
    IReadOnlyList<TicketChange> Changes,
    IReadOnlyList<AttachmentInfo> Attachments);

internal sealed record AttachmentInfo(Guid Id, Guid? EntryId, string FileName, string ContentType, long Size, DateTime CreatedAt);

/// <summary>Reads tickets within the current user's data scope (owner: the assigned agent; unit: the team).</summary>
internal sealed class TicketQueries(ServiceDbContext db, IDataScopeProvider dataScope, ICurrentUser user, TicketTypeCatalog types)
{
    /// <summary>How far the queue counts a view's tickets: a million tickets are not counted one by one to tell 200,000 from 10,000.</summary>
    public const int ViewCountLimit = 10_000;

    /// <summary>How far the queue counts a search's matches: each is checked against the term, and nobody pages past a thousand.</summary>
    public const int SearchCountLimit = 1_000;

    public Task<IQueryable<Ticket>> VisibleAsync(CancellationToken cancellationToken) =>
        dataScope.ApplyAsync(db.Set<Ticket>().AsNoTracking(), t => t.AssigneeUserId, t => t.TeamUnitId, cancellationToken);

    public async Task<TicketRows> QueueAsync(QueueQuery query, CancellationToken cancellationToken)
    {
        var tickets = Filter(await VisibleAsync(cancellationToken), query);
        var limit = TicketInputCheck.Clean(query.Term) is null ? ViewCountLimit : SearchCountLimit;
        // Ordered by the tenant, which is one value here: the database drops that order, and EF Core knows the limit is meant.
        var total = await tickets.OrderBy(t => t.TenantId).Take(limit + 1).CountAsync(cancellationToken);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var rows = await tickets
            .OrderByDescending(t => t.Priority == TicketPriority.Urgent)
            .ThenByDescending(t => t.UpdatedAt)
            .Skip((page - 1) * size).Take(size)
            .Select(t => new TicketRow(t.Id, t.Number, t.Subject, t.TypeKey, t.Status, t.Priority, t.Channel, t.CustomerId, t.ContactName, t.AssigneeUserId, t.TeamUnitId, t.OpenedAt, t.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new TicketRows(rows, Math.Min(total, limit), total > limit);
    }

    public async Task<TicketDetails?> DetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        var ticket = await (await VisibleAsync(cancellationToken)).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var entries = await db.Set<TicketEntry>().AsNoTracking().Where(e => e.TicketId == id).OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        var changes = await db.Set<TicketChange>().AsNoTracking().Where(c => c.TicketId == id).OrderBy(c => c.At).ToListAsync(cancellationToken);
        var attachments = await db.Set<TicketAttachment>().AsNoTracking().Where(a => a.TicketId == id).OrderBy(a => a.CreatedAt)
            .Select(a => new AttachmentInfo(a.Id, a.EntryId, a.FileName, a.ContentType, a.Size, a.CreatedAt)).ToListAsync(cancellationToken);
        return new TicketDetails(ticket, await types.FindAsync(ticket.TypeKey, cancellationToken), entries, changes, attachments);
    }

    public async Task<TicketAttachment?> AttachmentAsync(Guid ticketId, Guid attachmentId, CancellationToken cancellationToken) =>
        await (await VisibleAsync(cancellationToken)).AnyAsync(t => t.Id == ticketId, cancellationToken)
            ? await db.Set<TicketAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.TicketId == ticketId, cancellationToken)
            : null;

    /// <summary>The open (not resolved or closed) tickets of a customer, newest first: the screen pop and the 360° page show them.</summary>
    public async Task<IReadOnlyList<TicketRow>> OfCustomerAsync(Guid customerId, bool openOnly, int max, CancellationToken cancellationToken) =>
        (await QueueAsync(new QueueQuery { View = openOnly ? QueueView.Open : QueueView.All, CustomerId = customerId, PageSize = max }, cancellationToken)).Items;

    private IQueryable<Ticket> Filter(IQueryable<Ticket> tickets, QueueQuery query)
    {
        tickets = tickets.Where(t => t.MergedIntoId == null);
        tickets = query.View switch
        {
            QueueView.Open => tickets.Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed),
            QueueView.Mine => tickets.Where(t => t.AssigneeUserId == user.Id && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed),
            QueueView.Unassigned => tickets.Where(t => t.AssigneeUserId == null && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed),
            QueueView.Pending => tickets.Where(t => t.Status == TicketStatus.PendingCustomer || t.Status == TicketStatus.PendingThirdParty),
            QueueView.Done => tickets.Where(t => t.Status == TicketStatus.Resolved || t.Status == TicketStatus.Closed),
            _ => tickets,
        };
        if (query.Channel is { } channel)
        {
            tickets = tickets.Where(t => t.Channel == channel);
        }

        if (TicketInputCheck.Clean(query.Type) is { } type)
        {
            tickets = tickets.Where(t => t.TypeKey == type);
        }

        if (query.Priority is { } priority)
        {
            tickets = tickets.Where(t => t.Priority == priority);
        }

        if (query.CustomerId is { } customerId)
        {
            tickets = tickets.Where(t => t.CustomerId == customerId);
        }

        if (TicketInputCheck.Clean(query.Term) is { } term)
        {
            var lower = term.ToLowerInvariant();
            if (long.TryParse(term.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                tickets = tickets.Where(t => t.Number == number || t.SearchText.Contains(term));
            }
            else if (TicketInputCheck.IsEmail(lower))
            {
                // A whole address is looked up, not searched for: its domain's words are in nearly every ticket.
                tickets = tickets.Where(t => t.ContactEmail == lower);
            }
            else
            {
                tickets = tickets.Where(t => t.SearchText.Contains(lower));
            }
        }

        return tickets;
    }
}
