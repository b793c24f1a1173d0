using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Mail;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Web.Pages;

/// <summary>The mailboxes page: each mailbox with its last poll, the form to add one, and the dead letters.</summary>
internal sealed record MailboxesPage(IReadOnlyList<MailboxView> Mailboxes, IReadOnlyList<DeadLetterView> DeadLetters, IReadOnlyList<TicketType> Types, string? PollSummary);

/// <summary>The admins' page of the service mailboxes (IMAP in, tickets out) and the mail they could not take in.</summary>
[Route("service/admin/mailboxes")]
[RequirePermission(ServicePermissions.Administer)]
internal sealed class MailboxPagesController(Mailboxes mailboxes, MailboxPoller poller, DeadLetters deadLetters, TicketTypeCatalog types) : CrmPageController
{
    public const string NewFormId = "new-mailbox";

    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => ShowAsync(null, cancellationToken);

    [HttpPost("")]
    [PostOnce]
    public async Task<IActionResult> Create(MailboxInput form, CancellationToken cancellationToken)
    {
        var created = await mailboxes.CreateAsync(form, cancellationToken);
        return created.IsRefused
            ? await RefusedAsync(created.Refusal!, () => ShowAsync(null, cancellationToken), NewFormId)
            : Done("/service/admin/mailboxes", "The mailbox {0} was added; it is read every minute.", created.Value.Address);
    }

    /// <summary>Reads the new mail now and says on the page what became of it.</summary>
    [HttpPost("{id:guid}/poll")]
    public async Task<IActionResult> Poll(Guid id, CancellationToken cancellationToken)
    {
        if (await mailboxes.FindAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var result = await poller.PollAsync(id, cancellationToken);
        return result.Error is { } error
            ? Done("/service/admin/mailboxes", "Reading the mailbox failed: {0}", error)
            : Done("/service/admin/mailboxes", "{0} mails read: {1} new tickets, {2} answers, {3} dead letters.", result.Read, result.Opened, result.Threaded, result.DeadLetters);
    }

    [HttpPost("{id:guid}/delete")]
    [PostOnce]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await mailboxes.DeleteAsync(id, cancellationToken);
        return deleted.IsRefused
            ? await RefusedAsync(deleted.Refusal!, () => ShowAsync(null, cancellationToken))
            : Done("/service/admin/mailboxes", "The mailbox was deleted; its tickets and dead letters stay.");
    }

    [HttpPost("dead-letters/{id:guid}/retry")]
    [PostOnce]
    public async Task<IActionResult> Retry(Guid id, CancellationToken cancellationToken)
    {
        var retried = await deadLetters.RetryAsync(id, cancellationToken);
        return retried.IsRefused
            ? await RefusedAsync(retried.Refusal!, () => ShowAsync(null, cancellationToken))
            : Done("/service/admin/mailboxes", "The mail was taken in.");
    }

    [HttpPost("dead-letters/{id:guid}/discard")]
    [PostOnce]
    public async Task<IActionResult> Discard(Guid id, CancellationToken cancellationToken)
    {
        var discarded = await deadLetters.DiscardAsync(id, cancellationToken);
        return discarded.IsRefused
            ? await RefusedAsync(discarded.Refusal!, () => ShowAsync(null, cancellationToken))
            : Done("/service/admin/mailboxes", "The dead letter was discarded.");
    }

    private async Task<IActionResult> ShowAsync(string? pollSummary, CancellationToken cancellationToken) =>
        View("~/Web/Views/Mail/Mailboxes.cshtml", new MailboxesPage(
            await mailboxes.ListAsync(cancellationToken),
            await deadLetters.ListAsync(200, cancellationToken),
            await types.ListAsync(cancellationToken),
            pollSummary));
}
