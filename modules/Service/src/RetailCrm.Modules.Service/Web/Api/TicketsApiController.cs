using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Web.Api;

/// <summary>
/// The JSON API of tickets. Every change carries the ticket's <c>version</c> as last read; a change made from an older
/// version is a 409. Refusals are RFC 9457 problem details with the field at fault under <c>errors</c>.
/// </summary>
[ApiController]
[Route("api/service/tickets")]
internal sealed class TicketsApiController(TicketService tickets, TicketQueries queries, TicketTypeCatalog types, Application.Calls.CallService calls) : ControllerBase
{
    /// <summary>The queue: a view (Open, Mine, Unassigned, Pending, Done, All), filters, a search term (number, subject, contact) and a page.</summary>
    [HttpGet]
    [RequirePermission(ServicePermissions.TicketsView)]
    public async Task<TicketListDto> List(
        [FromQuery] QueueView? view, [FromQuery] TicketChannel? channel, [FromQuery] string? type, [FromQuery] TicketPriority? priority,
        [FromQuery] Guid? customerId, [FromQuery] string? q, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        var (p, size) = Sdk.Web.Pager.Clamp(page, pageSize);
        var query = new QueueQuery { View = view ?? QueueView.Open, Channel = channel, Type = type, Priority = priority, CustomerId = customerId, Term = q, Page = p, PageSize = size };
        var rows = await queries.QueueAsync(query, cancellationToken);
        return new TicketListDto(rows.Items, rows.Total, p, size, rows.TotalIsLowerBound);
    }

    /// <summary>Opens a ticket for a customer (<c>customerId</c>) or an unknown contact (name, phone or e-mail); <c>callId</c> links the call it came from.</summary>
    [HttpPost]
    [RequirePermission(ServicePermissions.TicketsWork)]
    [ProducesResponseType<TicketDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Open(NewTicket request, CancellationToken cancellationToken)
    {
        var opened = await tickets.OpenAsync(request, cancellationToken);
        if (!opened.IsRefused && request.CallId is { } callId)
        {
            await calls.LinkTicketAsync(callId, opened.Value.Id, cancellationToken);
        }

        return opened.ToActionResult(t => Created($"/api/service/tickets/{t.Id}", TicketDto.From(t)));
    }

    /// <summary>A ticket with its conversation, history and files.</summary>
    [HttpGet("{id:guid}")]
    [RequirePermission(ServicePermissions.TicketsView)]
    [ProducesResponseType<TicketDetailsDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        await queries.DetailsAsync(id, cancellationToken) is { } details ? Ok(TicketDetailsDto.From(details)) : new RefusalResult(TicketRefusals.NotFound(id));

    /// <summary>A reply to the customer, sent on the ticket's channel (e-mail, else SMS); moves a new ticket to Open unless <c>status</c> says otherwise.</summary>
    [HttpPost("{id:guid}/replies")]
    [RequirePermission(ServicePermissions.TicketsWork)]
    [ProducesResponseType<TicketEntryDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Reply(Guid id, TicketPostRequest request, CancellationToken cancellationToken) =>
        (await tickets.ReplyAsync(id, request.Version, new TicketPost(request.Body, request.Status), cancellationToken))
            .ToActionResult(e => Created($"/api/service/tickets/{id}", TicketEntryDto.From(e)));

    /// <summary>An internal note; the customer never sees it.</summary>
    [HttpPost("{id:guid}/notes")]
    [RequirePermission(ServicePermissions.TicketsWork)]
    [ProducesResponseType<TicketEntryDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Note(Guid id, TicketPostRequest request, CancellationToken cancellationToken) =>
        (await tickets.AddNoteAsync(id, request.Version, new TicketPost(request.Body, request.Status), cancellationToken))
            .ToActionResult(e => Created($"/api/service/tickets/{id}", TicketEntryDto.From(e)));

    /// <summary>Moves the ticket to a status; pending ones pause the SLA clocks.</summary>
    [HttpPut("{id:guid}/status")]
    [RequirePermission(ServicePermissions.TicketsWork)]
    [ProducesResponseType<TicketDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Status(Guid id, TicketStatusRequest request, CancellationToken cancellationToken) =>
        request.Status is not { } status
            ? new RefusalResult(Refusal.Invalid("service/ticket-invalid", "status", "Give the status: New, Open, PendingCustomer, PendingThirdParty, Resolved or Closed."))
            : (await tickets.ChangeStatusAsync(id, request.Version, status, cancellationToken)).ToActionResult(t => Ok(TicketDto.From(t)));

    /// <summary>Gives the ticket to an agent and/or a team (an organization unit).</summary>
    [HttpPut("{id:guid}/assignment")]
    [RequirePermission(ServicePermissions.TicketsManage)]
    [ProducesResponseType<TicketDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Assign(Guid id, TicketAssignmentRequest request, CancellationToken cancellationToken) =>
        (await tickets.AssignAsync(id, request.Version, request.AssigneeUserId, request.TeamUnitId, cancellationToken)).ToActionResult(t => Ok(TicketDto.From(t)));

    /// <summary>Changes the subject, priority, category, tags, type or the type's fields.</summary>
    [HttpPatch("{id:guid}")]
    [RequirePermission(ServicePermissions.TicketsWork)]
    [ProducesResponseType<TicketDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Edit(Guid id, TicketEditRequest request, CancellationToken cancellationToken) =>
        (await tickets.EditAsync(id, request.Version, new TicketEdit
        {
            Subject = request.Subject, Priority = request.Priority, Category = request.Category, Tags = request.Tags, Type = request.Type, Fields = request.Fields,
        }, cancellationToken)).ToActionResult(t => Ok(TicketDto.From(t)));

    /// <summary>Merges this ticket into <c>targetId</c>: its conversation and files move there and it closes as merged. Answers the target.</summary>
    [HttpPost("{id:guid}/merge")]
    [RequirePermission(ServicePermissions.TicketsManage)]
    [ProducesResponseType<TicketDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Merge(Guid id, TicketMergeRequest request, CancellationToken cancellationToken) =>
        request.TargetId is not { } target
            ? new RefusalResult(Refusal.Invalid("service/ticket-invalid", "targetId", "Give the ticket to merge into."))
            : (await tickets.MergeAsync(id, request.Version, target, cancellationToken)).ToActionResult(t => Ok(TicketDto.From(t)));

    /// <summary>Links the ticket to a customer (e.g. one just registered from an unknown caller).</summary>
    [HttpPut("{id:guid}/customer")]
    [RequirePermission(ServicePermissions.TicketsWork)]
    [ProducesResponseType<TicketDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> LinkCustomer(Guid id, TicketCustomerRequest request, CancellationToken cancellationToken) =>
        request.CustomerId is not { } customer
            ? new RefusalResult(Refusal.Invalid("service/ticket-invalid", "customerId", "Give the customer."))
            : (await tickets.LinkCustomerAsync(id, request.Version, customer, cancellationToken)).ToActionResult(t => Ok(TicketDto.From(t)));

    /// <summary>Adds a file (form field <c>file</c>): at most 10 MB (413 above), PDF, images, text, CSV, e-mail, Word or Excel.</summary>
    [HttpPost("{id:guid}/attachments")]
    [RequirePermission(ServicePermissions.TicketsWork)]
    [RequestSizeLimit(AttachmentPolicy.MaxBytes * 2)]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachmentPolicy.MaxBytes * 2)]
    [ProducesResponseType<AttachmentInfo>(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status413PayloadTooLarge)]
    public async Task<IActionResult> Attach(Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return new RefusalResult(Refusal.Invalid("service/attachment-missing", "file", "Send the file as multipart form field 'file'."));
        }

        if (AttachmentPolicy.Files.Check(file.FileName, file.Length) is { IsRefused: true } refused)
        {
            return new RefusalResult(refused.Refusal);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return (await tickets.AttachAsync(id, file.FileName, buffer.ToArray(), cancellationToken))
            .ToActionResult(a => Created($"/api/service/tickets/{id}/attachments/{a.Id}", new AttachmentInfo(a.Id, a.EntryId, a.FileName, a.ContentType, a.Size, a.CreatedAt)));
    }

    /// <summary>Downloads a file of the ticket.</summary>
    [HttpGet("{id:guid}/attachments/{attachmentId:guid}")]
    [RequirePermission(ServicePermissions.TicketsView)]
    public async Task<IActionResult> Attachment(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (await queries.AttachmentAsync(id, attachmentId, cancellationToken) is not { } attachment)
        {
            return new RefusalResult(Refusal.NotFound("service/attachment-not-found", "There is no file {0} on this ticket.", attachmentId));
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(attachment.Content, attachment.ContentType, attachment.FileName);
    }

    /// <summary>The tenant's ticket types with their own fields.</summary>
    [HttpGet("/api/service/ticket-types")]
    [RequirePermission(ServicePermissions.TicketsView)]
    public async Task<IReadOnlyList<TicketTypeDto>> Types(CancellationToken cancellationToken) =>
        (await types.ListAsync(cancellationToken)).Select(TicketTypeDto.From).ToList();
}

/// <summary>Registers an unknown contact as a customer, with the members' duplicate check (409 lists the likely duplicates).</summary>
[ApiController]
[Route("api/service/contacts")]
internal sealed class ContactsApiController(ICustomerRegistration registration) : ControllerBase
{
    /// <summary>Registers a contact as a person customer with the members rules; 409 lists the likely duplicates unless keepDespiteDuplicates.</summary>
    [HttpPost]
    [RequirePermission(ServicePermissions.TicketsWork)]
    [ProducesResponseType<CustomerSummary>(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Register(ContactRegistrationRequest request, CancellationToken cancellationToken) =>
        (await registration.RegisterAsync(new NewCustomerContact(request.DisplayName, request.Phone, request.Email), request.KeepDespiteDuplicates, cancellationToken))
            .ToActionResult(c => Created($"/api/members/customers/{c.Id}", c));
}
