using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Contracts.Events;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Modules.Service.Application.Tickets;

/// <summary>
/// The use cases of a ticket's life: open, reply, note, status, assignment, details, merge, customer messages and
/// attachments. Each writes the ticket, its history and what the observers add in one SaveChanges; a change made
/// from an older version of the ticket is refused (409), never merged silently.
/// </summary>
internal sealed class TicketService(
    ServiceDbContext db,
    TicketNumbers numbers,
    TicketInputCheck check,
    ICustomerLookup customers,
    ICurrentUser user,
    IEventBus events,
    ISettingProvider settings,
    IEnumerable<ITicketLifecycleObserver> observers,
    TimeProvider time)
{
    public async Task<Result<Ticket>> OpenAsync(NewTicket input, CancellationToken cancellationToken)
    {
        var checkedInput = await check.CheckNewAsync(input, cancellationToken);
        if (checkedInput.IsRefused)
        {
            return checkedInput.Refusal;
        }

        var (type, customer, phone, fields) = checkedInput.Value;
        var number = await numbers.NextAsync(cancellationToken);
        var now = Now;
        var ticket = Ticket.Open(number, type.Key, input.Subject!.Trim(), input.Channel, now, user.Id);
        ticket.Priority = input.Priority;
        ticket.Category = TicketInputCheck.Clean(input.Category);
        ticket.Tags = TicketInputCheck.NormalizeTags(input.Tags);
        ticket.CustomerId = customer?.Id;
        ticket.CustomerTier = customer?.Tier;
        ticket.ContactName = TicketInputCheck.Clean(input.ContactName) ?? customer?.DisplayName;
        ticket.ContactPhone = phone ?? customer?.Phone;
        ticket.ContactEmail = (TicketInputCheck.Clean(input.ContactEmail) ?? customer?.Email)?.ToLowerInvariant();
        ticket.Language = TicketInputCheck.LanguageOf(input.Language);
        ticket.AssigneeUserId = input.AssigneeUserId;
        ticket.TeamUnitId = input.TeamUnitId;
        ticket.FieldValues = fields;
        ticket.Index();
        db.Set<Ticket>().Add(ticket);

        TicketEntry? first = null;
        if (TicketInputCheck.Clean(input.Body) is { } body)
        {
            first = TicketEntry.Create(ticket.Id, TicketEntryKind.CustomerMessage, input.Channel, body, null, CustomerName(ticket), now);
            first.MessageId = input.MessageId;
            db.Set<TicketEntry>().Add(first);
            ticket.RecordCustomerMessage(now);
        }

        Record(ticket, "opened", null, input.Channel.ToString(), now);
        foreach (var observer in observers)
        {
            await observer.OpenedAsync(ticket, first, cancellationToken);
        }

        events.Publish(new TicketOpenedIntegrationEvent(ticket.Id, ticket.Number, ticket.TypeKey, ticket.Channel, ticket.CustomerId));
        if (ticket.TypeKey == TicketTypeKeys.Complaint)
        {
            events.Publish(new ComplaintRegisteredIntegrationEvent(ticket.Id, ticket.Number, ticket.CustomerId, ticket.Subject));
        }

        await db.SaveChangesAsync(cancellationToken);
        return ticket;
    }

    /// <summary>An agent's reply to the customer: a new ticket opens, a pending one waits for the customer unless told otherwise.</summary>
    public Task<Result<TicketEntry>> ReplyAsync(Guid ticketId, int version, TicketPost post, CancellationToken cancellationToken) =>
        PostAsync(ticketId, version, post, TicketEntryKind.Reply, cancellationToken);

    /// <summary>An internal note; the customer never sees it.</summary>
    public Task<Result<TicketEntry>> AddNoteAsync(Guid ticketId, int version, TicketPost post, CancellationToken cancellationToken) =>
        PostAsync(ticketId, version, post, TicketEntryKind.Note, cancellationToken);

    public Task<Result<Ticket>> ChangeStatusAsync(Guid ticketId, int version, TicketStatus status, CancellationToken cancellationToken) =>
        ChangeAsync(ticketId, version, async ticket =>
        {
            await MoveAsync(ticket, status, cancellationToken);
            return ticket;
        }, cancellationToken);

    /// <summary>Gives the ticket to an agent and/or a team (null clears); the agent must be an active user.</summary>
    public Task<Result<Ticket>> AssignAsync(Guid ticketId, int version, Guid? agent, Guid? team, CancellationToken cancellationToken) =>
        ChangeAsync(ticketId, version, async ticket =>
        {
            if (await check.CheckAssigneeAsync(agent, team, cancellationToken) is { } refusal)
            {
                return refusal;
            }

            await ApplyAssignmentAsync(ticket, agent, team, cancellationToken);
            return ticket;
        }, cancellationToken);

    /// <summary>Moves the ticket to an agent and team without the checks of a person's request (routing, follow-ups); saved by the caller.</summary>
    public async Task ApplyAssignmentAsync(Ticket ticket, Guid? agent, Guid? team, CancellationToken cancellationToken)
    {
        var (previousAgent, previousTeam) = (ticket.AssigneeUserId, ticket.TeamUnitId);
        if (previousAgent == agent && previousTeam == team)
        {
            return;
        }

        ticket.AssigneeUserId = agent;
        ticket.TeamUnitId = team;
        ticket.Touch(Now);
        if (previousAgent != agent)
        {
            Record(ticket, "assignee", previousAgent?.ToString(), agent?.ToString(), Now);
        }

        if (previousTeam != team)
        {
            Record(ticket, "team", previousTeam?.ToString(), team?.ToString(), Now);
        }

        foreach (var observer in observers)
        {
            await observer.AssignedAsync(ticket, previousAgent, previousTeam, cancellationToken);
        }
    }

    public Task<Result<Ticket>> EditAsync(Guid ticketId, int version, TicketEdit edit, CancellationToken cancellationToken) =>
        ChangeAsync(ticketId, version, async ticket =>
        {
            var checkedEdit = await check.CheckEditAsync(ticket, edit, cancellationToken);
            if (checkedEdit.IsRefused)
            {
                return checkedEdit.Refusal;
            }

            var (typeKey, fields) = checkedEdit.Value;
            var now = Now;
            Set(ticket, "subject", ticket.Subject, edit.Subject?.Trim(), v => ticket.Subject = v!, now);
            Set(ticket, "priority", ticket.Priority.ToString(), edit.Priority?.ToString(), _ => ticket.Priority = edit.Priority!.Value, now);
            Set(ticket, "category", ticket.Category, edit.Category is null ? null : TicketInputCheck.Clean(edit.Category) ?? "", v => ticket.Category = v!.Length == 0 ? null : v, now);
            Set(ticket, "tags", ticket.Tags, edit.Tags is null ? null : TicketInputCheck.NormalizeTags(edit.Tags), v => ticket.Tags = v!, now);
            Set(ticket, "type", ticket.TypeKey, typeKey, v => ticket.TypeKey = v!, now);
            if (fields is not null && !fields.OrderBy(f => f.Key).SequenceEqual(ticket.FieldValues.OrderBy(f => f.Key)))
            {
                Record(ticket, "fields", ticket.FieldValuesJson, null, now);
                ticket.FieldValues = fields;
            }

            ticket.Touch(now);
            return ticket;
        }, cancellationToken);

    /// <summary>
    /// Merges <paramref name="sourceId"/> into <paramref name="targetId"/>: the conversation and files move over, the
    /// source closes as merged and points at the target; both keep the merge in their history.
    /// </summary>
    public async Task<Result<Ticket>> MergeAsync(Guid sourceId, int sourceVersion, Guid targetId, CancellationToken cancellationToken)
    {
        if (sourceId == targetId)
        {
            return Refusal.Invalid("service/merge-self", "targetId", "A ticket cannot be merged into itself.");
        }

        var target = await db.Set<Ticket>().FirstOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (target is null)
        {
            return TicketRefusals.NotFound(targetId).At("targetId");
        }

        if (target.IsMerged)
        {
            return TicketRefusals.Merged(target.Reference).At("targetId");
        }

        return await ChangeAsync(sourceId, sourceVersion, async source =>
        {
            var now = Now;
            await db.Set<TicketEntry>().Where(e => e.TicketId == source.Id).ForEachAsync(e => e.TicketId = target.Id, cancellationToken);
            await db.Set<TicketAttachment>().Where(a => a.TicketId == source.Id).ForEachAsync(a => a.TicketId = target.Id, cancellationToken);
            var from = source.Status;
            source.MarkMergedInto(target.Id, now);
            Record(source, "merged-into", null, target.Reference, now);
            Record(target, "merged-from", null, source.Reference, now);
            target.Touch(now);
            if (from != source.Status)
            {
                foreach (var observer in observers)
                {
                    await observer.StatusChangedAsync(source, from, cancellationToken);
                }
            }

            return target;
        }, cancellationToken);
    }

    /// <summary>
    /// What the customer sent on a ticket (a threaded e-mail, an SMS): a resolved ticket, or a closed one within the
    /// tenant's re-open days, opens again; a ticket waiting for the customer is worked again. Null when the ticket is
    /// closed for longer: the caller opens a new ticket instead.
    /// </summary>
    public async Task<Result<TicketEntry>?> AddCustomerMessageAsync(Guid ticketId, CustomerMessage message, CancellationToken cancellationToken)
    {
        var ticket = await db.Set<Ticket>().FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
        {
            return TicketRefusals.NotFound(ticketId);
        }

        if (ticket.MergedIntoId is { } target)
        {
            return await AddCustomerMessageAsync(target, message, cancellationToken);
        }

        var now = Now;
        if (ticket.Status == TicketStatus.Closed && ticket.ClosedAt < now.AddDays(-await ReopenDaysAsync(cancellationToken)))
        {
            return null;
        }

        var entry = TicketEntry.Create(ticket.Id, TicketEntryKind.CustomerMessage, message.Channel, Truncate(message.Body), null, message.AuthorName, now);
        entry.MessageId = message.MessageId;
        db.Set<TicketEntry>().Add(entry);
        ticket.RecordCustomerMessage(now);
        if (ticket.Status is TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.PendingCustomer)
        {
            await MoveAsync(ticket, TicketStatus.Open, cancellationToken);
        }

        foreach (var observer in observers)
        {
            await observer.CustomerMessageAsync(ticket, entry, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    public async Task<Result<TicketAttachment>> AttachAsync(Guid ticketId, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var kind = AttachmentPolicy.Files.Check(fileName, content.LongLength);
        if (kind.IsRefused)
        {
            return kind.Refusal;
        }

        var ticket = await db.Set<Ticket>().FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
        {
            return TicketRefusals.NotFound(ticketId);
        }

        var name = Path.GetFileName(fileName);
        var attachment = TicketAttachment.Create(ticket.Id, null, name.Length > TicketAttachment.MaxFileNameLength ? name[^TicketAttachment.MaxFileNameLength..] : name, kind.Value, content, user.Id, Now);
        db.Set<TicketAttachment>().Add(attachment);
        Record(ticket, "attachment", null, attachment.FileName, Now);
        ticket.Touch(Now);
        await db.SaveChangesAsync(cancellationToken);
        return attachment;
    }

    /// <summary>The customer the ticket belongs to, set after opening (an unknown caller registered on the spot).</summary>
    public Task<Result<Ticket>> LinkCustomerAsync(Guid ticketId, int version, Guid customerId, CancellationToken cancellationToken) =>
        ChangeAsync(ticketId, version, async ticket =>
        {
            if (await customers.FindAsync(customerId, cancellationToken) is not { } customer)
            {
                return Refusal.Invalid("service/customer-not-found", "customerId", "There is no customer {0} you may see.", customerId);
            }

            Record(ticket, "customer", ticket.CustomerId?.ToString(), customer.Code, Now);
            ticket.CustomerId = customer.Id;
            ticket.CustomerTier = customer.Tier;
            ticket.ContactName ??= customer.DisplayName;
            ticket.ContactPhone ??= customer.Phone;
            ticket.ContactEmail ??= customer.Email?.ToLowerInvariant();
            ticket.Touch(Now);
            return ticket;
        }, cancellationToken);

    private async Task<Result<TicketEntry>> PostAsync(Guid ticketId, int version, TicketPost post, TicketEntryKind kind, CancellationToken cancellationToken)
    {
        TicketEntry? posted = null;
        var changed = await ChangeAsync(ticketId, version, async ticket =>
        {
            var body = TicketInputCheck.Clean(post.Body);
            if (body is null || body.Length > TicketEntry.MaxBodyLength)
            {
                return Refusal.Invalid("service/entry-invalid", "body", "Write 1 to {0} characters.", TicketEntry.MaxBodyLength);
            }

            if (kind == TicketEntryKind.Reply && ticket.ContactEmail is null && ticket.ContactPhone is null)
            {
                return Refusal.Invalid("service/no-contact", "body", "The ticket has no e-mail address or phone number to reply to; add a note instead, or link the customer.");
            }

            var now = Now;
            posted = TicketEntry.Create(ticket.Id, kind, kind == TicketEntryKind.Reply ? ReplyChannel(ticket) : ticket.Channel, body, user.Id, user.UserName ?? "", now);
            db.Set<TicketEntry>().Add(posted);
            if (kind == TicketEntryKind.Reply)
            {
                ticket.RecordAgentReply(now);
                foreach (var observer in observers)
                {
                    await observer.AgentRepliedAsync(ticket, posted, cancellationToken);
                }
            }
            else
            {
                ticket.Touch(now);
            }

            var next = post.Status ?? (kind == TicketEntryKind.Reply && ticket.Status == TicketStatus.New ? TicketStatus.Open : ticket.Status);
            await MoveAsync(ticket, next, cancellationToken);
            return ticket;
        }, cancellationToken);
        return changed.IsRefused ? changed.Refusal : posted!;
    }

    /// <summary>
    /// Loads the ticket at <paramref name="version"/>, runs the change and saves it with what the observers added;
    /// a refusal or another writer's change (409) leaves nothing tracked.
    /// </summary>
    private async Task<Result<Ticket>> ChangeAsync(Guid ticketId, int version, Func<Ticket, Task<Result<Ticket>>> change, CancellationToken cancellationToken)
    {
        var ticket = await db.Set<Ticket>().FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
        {
            return TicketRefusals.NotFound(ticketId);
        }

        if (ticket.MergedIntoId is { } mergedInto)
        {
            var target = await db.Set<Ticket>().AsNoTracking().Where(t => t.Id == mergedInto).Select(t => t.Number).FirstOrDefaultAsync(cancellationToken);
            return TicketRefusals.Merged(Ticket.FormatReference(target));
        }

        if (ticket.Version != version)
        {
            return TicketRefusals.Changed();
        }

        var outcome = await change(ticket);
        if (outcome.IsRefused)
        {
            db.ChangeTracker.Clear();
            return outcome;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return TicketRefusals.Changed();
        }

        return outcome;
    }

    private async Task MoveAsync(Ticket ticket, TicketStatus status, CancellationToken cancellationToken)
    {
        var from = ticket.Status;
        if (from == status)
        {
            return;
        }

        ticket.MoveTo(status, Now);
        Record(ticket, "status", from.ToString(), status.ToString(), Now);
        if (status == TicketStatus.Resolved)
        {
            events.Publish(new TicketResolvedIntegrationEvent(ticket.Id, ticket.Number, ticket.CustomerId, Now));
        }

        foreach (var observer in observers)
        {
            await observer.StatusChangedAsync(ticket, from, cancellationToken);
        }
    }

    private void Set(Ticket ticket, string field, string? current, string? wanted, Action<string?> apply, DateTime now)
    {
        if (wanted is null || wanted == current)
        {
            return;
        }

        Record(ticket, field, current, wanted, now);
        apply(wanted);
    }

    private void Record(Ticket ticket, string field, string? oldValue, string? newValue, DateTime now) =>
        db.Set<TicketChange>().Add(TicketChange.Of(ticket.Id, field, oldValue, newValue, user.Id, user.UserName ?? "system", now));

    private async Task<int> ReopenDaysAsync(CancellationToken cancellationToken) =>
        int.TryParse(await settings.GetAsync(ServiceSettings.ReopenDays, cancellationToken), out var days) ? days : 7;

    private static TicketChannel ReplyChannel(Ticket ticket) =>
        ticket.Channel is TicketChannel.Sms or TicketChannel.Phone && ticket.ContactPhone is not null && ticket.ContactEmail is null ? TicketChannel.Sms
        : ticket.ContactEmail is not null ? TicketChannel.Email
        : TicketChannel.Sms;

    private static string CustomerName(Ticket ticket) => ticket.ContactName ?? ticket.ContactEmail ?? ticket.ContactPhone ?? "";

    private static string Truncate(string body) => body.Length > TicketEntry.MaxBodyLength ? body[..TicketEntry.MaxBodyLength] : body;

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
