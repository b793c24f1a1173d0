using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Mail;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Web.Pages;

/// <summary>The mailboxes page: each mailbox with its last poll, the form to add one, and the dead letters.</summary>
internal sealed record MailboxesPage(IReadOnlyList<MailboxView> Mailboxes, IReadOnlyList<DeadLetterView> DeadLetters, IReadOnlyList<TicketType> Types);

/// <summary>The admins' page of the service mailboxes (IMAP in, tickets out) and the mail they could not take in.</summary>
[Route("service/admin/mailboxes")]
[RequirePermission(ServicePermissions.Administer)]
internal sealed class MailboxPagesController(Mailboxes mailboxes, MailboxPoller poller, DeadLetters deadLetters, TicketTypeCatalog types) : CrmPageController
{
    public const string NewFormId = "new-mailbox";
    private const string PageUrl = "/service/admin/mailboxes";

    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    [HttpPost("")]
    [PostOnce]
    public async Task<IActionResult> Create(MailboxInput form, CancellationToken cancellationToken)
    {
        var created = await mailboxes.CreateAsync(form, cancellationToken);
        return created.IsRefused
            ? await RefusedAsync(created.Refusal!, () => ShowAsync(cancellationToken), NewFormId)
            : Done(PageUrl, "The mailbox {0} was added; it is read every minute.", created.Value.Address);
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
            ? Done(PageUrl, "Reading the mailbox failed: {0}", error)
            : Done(PageUrl, "{0} mails read: {1} new tickets, {2} answers, {3} dead letters.", result.Read, result.Opened, result.Threaded, result.DeadLetters);
    }

    [HttpPost("{id:guid}/delete")]
    [PostOnce]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        await AnswerAsync(await mailboxes.DeleteAsync(id, cancellationToken), "The mailbox was deleted; its tickets and dead letters stay.", cancellationToken);

    [HttpPost("dead-letters/{id:guid}/retry")]
    [PostOnce]
    public async Task<IActionResult> Retry(Guid id, CancellationToken cancellationToken) =>
        await AnswerAsync(await deadLetters.RetryAsync(id, cancellationToken), "The mail was taken in.", cancellationToken);

    [HttpPost("dead-letters/{id:guid}/discard")]
    [PostOnce]
    public async Task<IActionResult> Discard(Guid id, CancellationToken cancellationToken) =>
        await AnswerAsync(await deadLetters.DiscardAsync(id, cancellationToken), "The dead letter was discarded.", cancellationToken);

    /// <summary>The page again with the refusal, or back to it with the notice.</summary>
    private async Task<IActionResult> AnswerAsync<T>(Result<T> result, string notice, CancellationToken cancellationToken) =>
        result.IsRefused ? await RefusedAsync(result.Refusal!, () => ShowAsync(cancellationToken)) : Done(PageUrl, notice);

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken) =>
        View("~/Web/Views/Mail/Mailboxes.cshtml", new MailboxesPage(
            await mailboxes.ListAsync(cancellationToken),
            await deadLetters.ListAsync(200, cancellationToken),
            await types.ListAsync(cancellationToken)));
}
