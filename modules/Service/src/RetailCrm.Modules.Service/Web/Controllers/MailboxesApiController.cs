using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Mail;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>The tenant's IMAP mailboxes that become tickets, and the mail they could not take in (dead letters).</summary>
[ApiController]
[Route("api/service/mailboxes")]
[RequirePermission(ServicePermissions.Administer)]
internal sealed class MailboxesApiController(Mailboxes mailboxes, MailboxPoller poller, DeadLetters deadLetters) : ControllerBase
{
    /// <summary>The service mailboxes (the password is never shown).</summary>
    [HttpGet]
    public Task<IReadOnlyList<MailboxView>> List(CancellationToken cancellationToken) => mailboxes.ListAsync(cancellationToken);

    /// <summary>A mailbox with its read position.</summary>
    [HttpGet("{id:guid}")]
    [ProducesResponseType<MailboxView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(Guid id, CancellationToken cancellationToken) =>
        await mailboxes.FindAsync(id, cancellationToken) is { } found ? Ok(found) : NotFoundRefusal(id);

    /// <summary>Adds a mailbox; the password is stored protected and never shown again.</summary>
    [HttpPost]
    [ProducesResponseType<MailboxView>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(MailboxInput request, CancellationToken cancellationToken) =>
        (await mailboxes.CreateAsync(request, cancellationToken)).ToActionResult(m => Created($"/api/service/mailboxes/{m.Id}", m));

    /// <summary>Changes a mailbox; an empty password keeps the stored one.</summary>
    [HttpPut("{id:guid}")]
    [ProducesResponseType<MailboxView>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Update(Guid id, MailboxInput request, CancellationToken cancellationToken) =>
        (await mailboxes.UpdateAsync(id, request, cancellationToken)).ToActionResult(m => Ok(m));

    /// <summary>Deletes a mailbox; tickets and dead letters stay.</summary>
    [HttpDelete("{id:guid}")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        (await mailboxes.DeleteAsync(id, cancellationToken)).ToActionResult(_ => NoContent());

    /// <summary>Connects, signs in and opens the folder: the message count, or a 422 with what failed.</summary>
    [HttpPost("{id:guid}/test")]
    public async Task<IActionResult> Test(Guid id, CancellationToken cancellationToken) =>
        (await mailboxes.TestAsync(id, cancellationToken)).ToActionResult(count => Ok(new { messages = count }));

    /// <summary>Reads the mailbox's new mail now (the job does it every minute) and answers what became of it.</summary>
    [HttpPost("{id:guid}/poll")]
    [ProducesResponseType<PollResult>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Poll(Guid id, CancellationToken cancellationToken) =>
        await mailboxes.FindAsync(id, cancellationToken) is null ? NotFoundRefusal(id) : Ok(await poller.PollAsync(id, cancellationToken));

    /// <summary>The mail the mailboxes could not take in, newest first.</summary>
    [HttpGet("dead-letters")]
    public Task<IReadOnlyList<DeadLetterView>> DeadLetters([FromQuery] int? take, CancellationToken cancellationToken) =>
        deadLetters.ListAsync(Math.Clamp(take ?? 100, 1, 500), cancellationToken);

    /// <summary>The dead letter's raw message, as an .eml file.</summary>
    [HttpGet("dead-letters/{id:guid}/raw")]
    public async Task<IActionResult> Raw(Guid id, CancellationToken cancellationToken) =>
        await deadLetters.RawAsync(id, cancellationToken) is { } raw
            ? File(raw.Raw, "message/rfc822", raw.FileName)
            : new RefusalResult(Refusal.NotFound("service/dead-letter-not-found", "There is no dead letter {0}.", id));

    /// <summary>Takes the mail in again; taken in, the dead letter is gone; refused again, a 422 with the new reason.</summary>
    [HttpPost("dead-letters/{id:guid}/retry")]
    public async Task<IActionResult> Retry(Guid id, CancellationToken cancellationToken) =>
        (await deadLetters.RetryAsync(id, cancellationToken)).ToActionResult(r => Ok(new { outcome = r.Outcome.ToString(), ticketId = r.TicketId }));

    /// <summary>Discards a dead letter.</summary>
    [HttpDelete("dead-letters/{id:guid}")]
    public async Task<IActionResult> Discard(Guid id, CancellationToken cancellationToken) =>
        (await deadLetters.DiscardAsync(id, cancellationToken)).ToActionResult(_ => NoContent());

    private static RefusalResult NotFoundRefusal(Guid id) => new(Refusal.NotFound("service/mailbox-not-found", "There is no mailbox {0}.", id));
}
