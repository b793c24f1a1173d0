using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Web.Pages;

/// <summary>
/// The agents' pages: the queue of every channel, a ticket with its conversation, and the form that opens one for a
/// customer or an unknown contact (registered on the spot with the members' duplicate check).
/// </summary>
[Route("service")]
internal sealed class TicketPagesController(
    TicketService tickets,
    TicketQueries queries,
    TicketTypeCatalog types,
    ICustomerLookup customers,
    ICustomerRegistration registration,
    IUserDirectory users,
    IOrganizationUnits units,
    IPermissionChecker permissions,
    ICurrentUser currentUser,
    IEnumerable<ITicketBadgeContributor> badges,
    IEnumerable<ITicketPanelContributor> panels,
    Application.Calls.CallService calls) : CrmPageController
{
    [HttpGet("")]
    [RequirePermission(ServicePermissions.TicketsView)]
    public async Task<IActionResult> Queue(QueueView? view, TicketChannel? channel, string? type, TicketPriority? priority, string? q, int? page, CancellationToken cancellationToken)
    {
        var (p, size) = Pager.Clamp(page, null);
        var query = new QueueQuery { View = view ?? QueueView.Open, Channel = channel, Type = type, Priority = priority, Term = q, Page = p, PageSize = size };
        var rows = await queries.QueueAsync(query, cancellationToken);
        var ids = rows.Items.Select(r => r.Id).ToList();
        var marks = new Dictionary<Guid, TicketBadge>();
        foreach (var contributor in badges)
        {
            foreach (var (id, badge) in await contributor.BadgesAsync(ids, cancellationToken))
            {
                marks.TryAdd(id, badge);
            }
        }

        return View(new QueuePage(query, rows, new Pager(p, size, rows.Total) { TotalIsLowerBound = rows.TotalIsLowerBound }, await types.ListAsync(cancellationToken), marks, await UserNamesAsync(cancellationToken)));
    }

    [HttpGet("tickets/new")]
    [RequirePermission(ServicePermissions.TicketsWork)]
    public Task<IActionResult> New(string? type, Guid? customerId, string? find, TicketChannel? channel, string? phone, Guid? callId, CancellationToken cancellationToken) =>
        NewPageAsync(type, customerId, find, channel ?? TicketChannel.WalkIn, phone, [], cancellationToken, callId);

    [HttpPost("tickets")]
    [PostOnce]
    [RequirePermission(ServicePermissions.TicketsWork)]
    public async Task<IActionResult> Open(NewTicketForm form, CancellationToken cancellationToken)
    {
        var customerId = form.CustomerId;
        if (customerId is null && form.RegisterCustomer)
        {
            var registered = await registration.RegisterAsync(new NewCustomerContact(form.ContactName, form.ContactPhone, form.ContactEmail), form.KeepDespiteDuplicates, cancellationToken);
            if (registered.IsRefused)
            {
                var duplicates = registered.Refusal.Extensions.TryGetValue(ICustomerRegistration.DuplicatesExtension, out var found) && found is IReadOnlyList<LikelyDuplicate> list ? list : [];
                return await RefusedAsync(ContactFields(registered.Refusal), () => NewPageAsync(form.Type, null, null, form.Channel, form.ContactPhone, duplicates, cancellationToken));
            }

            customerId = registered.Value.Id;
        }

        var opened = await tickets.OpenAsync(form.ToNewTicket(customerId, FieldValues()), cancellationToken);
        if (!opened.IsRefused && form.CallId is { } callId)
        {
            await calls.LinkTicketAsync(callId, opened.Value.Id, cancellationToken);
        }

        return opened.IsRefused
            ? await RefusedAsync(opened.Refusal, () => NewPageAsync(form.Type, form.CustomerId, null, form.Channel, form.ContactPhone, [], cancellationToken, form.CallId))
            : Done($"/service/tickets/{opened.Value.Id}", "Ticket {0} opened.", opened.Value.Reference);
    }

    [HttpGet("tickets/{id:guid}")]
    [RequirePermission(ServicePermissions.TicketsView)]
    public Task<IActionResult> Ticket(Guid id, CancellationToken cancellationToken) => TicketPageAsync(id, cancellationToken);

    [HttpPost("tickets/{id:guid}/post")]
    [PostOnce]
    [RequirePermission(ServicePermissions.TicketsWork)]
    public async Task<IActionResult> Post(Guid id, int version, string? body, TicketStatus? status, string? kind, CancellationToken cancellationToken)
    {
        var post = new TicketPost(body, status);
        var posted = kind == "note"
            ? await tickets.AddNoteAsync(id, version, post, cancellationToken)
            : await tickets.ReplyAsync(id, version, post, cancellationToken);
        return posted.IsRefused
            ? await RefusedAsync(posted.Refusal, () => TicketPageAsync(id, cancellationToken), "post")
            : Done($"/service/tickets/{id}", kind == "note" ? "Note added." : "Reply sent.");
    }

    [HttpPost("tickets/{id:guid}/status")]
    [PostOnce]
    [RequirePermission(ServicePermissions.TicketsWork)]
    public Task<IActionResult> Status(Guid id, int version, TicketStatus status, CancellationToken cancellationToken) =>
        ChangedAsync(id, "status", tickets.ChangeStatusAsync(id, version, status, cancellationToken), "Status changed.", cancellationToken);

    [HttpPost("tickets/{id:guid}/take")]
    [PostOnce]
    [RequirePermission(ServicePermissions.TicketsWork)]
    public async Task<IActionResult> Take(Guid id, int version, CancellationToken cancellationToken)
    {
        var team = (await queries.DetailsAsync(id, cancellationToken))?.Ticket.TeamUnitId;
        return await ChangedAsync(id, "assign", tickets.AssignAsync(id, version, currentUser.Id, team, cancellationToken), "You took the ticket.", cancellationToken);
    }

    [HttpPost("tickets/{id:guid}/assign")]
    [PostOnce]
    [RequirePermission(ServicePermissions.TicketsManage)]
    public Task<IActionResult> Assign(Guid id, int version, Guid? assigneeUserId, Guid? teamUnitId, CancellationToken cancellationToken) =>
        ChangedAsync(id, "assign", tickets.AssignAsync(id, version, assigneeUserId, teamUnitId, cancellationToken), "Assignment saved.", cancellationToken);

    [HttpPost("tickets/{id:guid}/details")]
    [PostOnce]
    [RequirePermission(ServicePermissions.TicketsWork)]
    public Task<IActionResult> Details(Guid id, int version, string? subject, TicketPriority? priority, string? category, string? tags, string? type, CancellationToken cancellationToken) =>
        ChangedAsync(id, "details", tickets.EditAsync(id, version, new TicketEdit
        {
            Subject = subject, Priority = priority, Category = category ?? "", Tags = tags ?? "", Type = type, Fields = FieldValues(),
        }, cancellationToken), "Details saved.", cancellationToken);

    [HttpPost("tickets/{id:guid}/merge")]
    [PostOnce]
    [RequirePermission(ServicePermissions.TicketsManage)]
    public async Task<IActionResult> Merge(Guid id, int version, string? target, CancellationToken cancellationToken)
    {
        var number = long.TryParse(target?.Trim().TrimStart('#'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
        var found = (await queries.QueueAsync(new QueueQuery { View = QueueView.All, Term = "#" + number, PageSize = 5 }, cancellationToken)).Items.FirstOrDefault(t => t.Number == number);
        if (found is null)
        {
            return await RefusedAsync(Refusal.Invalid("service/ticket-invalid", "target", "There is no ticket {0}.", target ?? ""), () => TicketPageAsync(id, cancellationToken), "merge");
        }

        var merged = await tickets.MergeAsync(id, version, found.Id, cancellationToken);
        return merged.IsRefused
            ? await RefusedAsync(merged.Refusal, () => TicketPageAsync(id, cancellationToken), "merge")
            : Done($"/service/tickets/{found.Id}", "Merged into {0}.", found.Reference);
    }

    [HttpPost("tickets/{id:guid}/register-customer")]
    [PostOnce]
    [RequirePermission(ServicePermissions.TicketsWork)]
    public async Task<IActionResult> RegisterCustomer(Guid id, int version, bool keepDespiteDuplicates, Guid? existingCustomerId, CancellationToken cancellationToken)
    {
        var details = await queries.DetailsAsync(id, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        var customerId = existingCustomerId;
        if (customerId is null)
        {
            var t = details.Ticket;
            var registered = await registration.RegisterAsync(new NewCustomerContact(t.ContactName, t.ContactPhone, t.ContactEmail), keepDespiteDuplicates, cancellationToken);
            if (registered.IsRefused)
            {
                return await RefusedAsync(registered.Refusal, () => TicketPageAsync(id, cancellationToken), "customer");
            }

            customerId = registered.Value.Id;
        }

        return await ChangedAsync(id, "customer", tickets.LinkCustomerAsync(id, version, customerId.Value, cancellationToken), "The ticket now belongs to the customer.", cancellationToken);
    }

    [HttpPost("tickets/{id:guid}/attachments")]
    [PostOnce]
    [RequirePermission(ServicePermissions.TicketsWork)]
    [RequestSizeLimit(AttachmentPolicy.MaxBytes * 2)]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachmentPolicy.MaxBytes * 2)]
    public async Task<IActionResult> Attach(Guid id, Microsoft.AspNetCore.Http.IFormFile? file, CancellationToken cancellationToken)
    {
        Result<TicketAttachment> attached;
        if (file is null)
        {
            attached = Refusal.Invalid("service/attachment-missing", "file", "Choose a file.");
        }
        else if (AttachmentPolicy.Files.Check(file.FileName, file.Length) is { IsRefused: true } refused)
        {
            attached = refused.Refusal;
        }
        else
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            attached = await tickets.AttachAsync(id, file.FileName, buffer.ToArray(), cancellationToken);
        }

        return attached.IsRefused
            ? await RefusedAsync(attached.Refusal, () => TicketPageAsync(id, cancellationToken), "attach")
            : Done($"/service/tickets/{id}", "File {0} added.", attached.Value.FileName);
    }

    private async Task<IActionResult> ChangedAsync(Guid id, string formId, Task<Result<Ticket>> change, string notice, CancellationToken cancellationToken)
    {
        var changed = await change;
        return changed.IsRefused
            ? await RefusedAsync(changed.Refusal, () => TicketPageAsync(id, cancellationToken), formId)
            : Done($"/service/tickets/{id}", notice);
    }

    private async Task<IActionResult> TicketPageAsync(Guid id, CancellationToken cancellationToken)
    {
        var details = await queries.DetailsAsync(id, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        var ticketPanels = new List<TicketPanel>();
        foreach (var contributor in panels)
        {
            if (await contributor.PanelAsync(details.Ticket, cancellationToken) is { } panel)
            {
                ticketPanels.Add(panel);
            }
        }

        var customer = details.Ticket.CustomerId is { } customerId ? await customers.FindAsync(customerId, cancellationToken) : null;
        return View("Ticket", new TicketPage(
            details,
            customer,
            await types.ListAsync(cancellationToken),
            await users.WithPermissionAsync(ServicePermissions.TicketsWork, cancellationToken),
            await units.ListAsync(cancellationToken),
            await UserNamesAsync(cancellationToken),
            [.. ticketPanels.OrderBy(p => p.Order)],
            await permissions.IsGrantedAsync(ServicePermissions.TicketsManage, cancellationToken),
            await permissions.IsGrantedAsync(ServicePermissions.TicketsWork, cancellationToken)));
    }

    private async Task<IActionResult> NewPageAsync(
        string? type, Guid? customerId, string? find, TicketChannel channel, string? phone, IReadOnlyList<LikelyDuplicate> duplicates, CancellationToken cancellationToken, Guid? callId = null)
    {
        var all = (await types.ListAsync(cancellationToken)).Where(t => t.IsActive).ToList();
        var chosen = all.FirstOrDefault(t => t.Key == type) ?? all.First();
        var customer = customerId is { } id ? await customers.FindAsync(id, cancellationToken) : null;
        var found = customer is null && TicketInputCheck.Clean(find) is { } term ? await customers.SearchAsync(term, 10, cancellationToken) : [];
        return View("New", new NewTicketPage(all, chosen, customer, find, found, duplicates, channel, phone, callId));
    }

    private async Task<IReadOnlyDictionary<Guid, string>> UserNamesAsync(CancellationToken cancellationToken) =>
        (await users.ListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);

    /// <summary>The type's own fields as posted: inputs named <c>fields.{key}</c>, so that a refusal's field names them.</summary>
    private Dictionary<string, string?> FieldValues() =>
        Request.HasFormContentType
            ? Request.Form.Where(f => f.Key.StartsWith("fields.", StringComparison.Ordinal)).ToDictionary(f => f.Key["fields.".Length..], f => (string?)f.Value.ToString())
            : [];

    /// <summary>The registration's refusal with members' field names mapped onto the form's contact fields.</summary>
    private static Refusal ContactFields(Refusal refusal) => refusal with
    {
        Fields = refusal.Fields.Select(f => f with
        {
            Field = f.Field switch
            {
                "displayName" or "familyName" or "givenName" => "contactName",
                "phone" => "contactPhone",
                "email" => "contactEmail",
                _ => f.Field,
            },
        }).ToList(),
    };
}

/// <summary>The new-ticket form as posted.</summary>
internal sealed record NewTicketForm(
    string? Type,
    string? Subject,
    string? Body,
    TicketChannel Channel,
    TicketPriority Priority,
    string? Category,
    string? Tags,
    Guid? CustomerId,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    string? Language,
    bool RegisterCustomer,
    bool KeepDespiteDuplicates,
    Guid? CallId)
{
    public NewTicket ToNewTicket(Guid? customerId, IReadOnlyDictionary<string, string?> fields) => new()
    {
        Type = Type, Subject = Subject, Body = Body, Channel = Channel, Priority = Priority, Category = Category, Tags = Tags, CustomerId = customerId,
        ContactName = ContactName, ContactPhone = ContactPhone, ContactEmail = ContactEmail, Language = Language, Fields = fields, CallId = CallId,
    };
}
