using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Messaging;
using RetailCrm.Kernel.Templates;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Host.Controllers.Pages;

/// <summary>The editor's page: the template, the text shown in the box and its preview.</summary>
public sealed record TemplatePage(TemplateEditor Editor, string Text, TemplatePreview Preview);

/// <summary>The message templates (list, editor with preview, reset) and the outgoing messages (list, send again, e-mail check).</summary>
[Route("admin")]
public sealed class MessagingController(ITemplateAdministration templates, ICurrentUser user) : CrmPageController
{
    public const string TemplateForm = "template";
    public const string MessagesForm = "messages";

    [HttpGet("templates")]
    [RequirePermission(MessagingPermissions.Templates)]
    public async Task<IActionResult> Templates(CancellationToken cancellationToken) => View(await templates.ListAsync(cancellationToken));

    [HttpGet("templates/{key}")]
    [RequirePermission(MessagingPermissions.Templates)]
    public async Task<IActionResult> Template(string key, string? language, CancellationToken cancellationToken) =>
        await EditorAsync(key, language, null, cancellationToken);

    [HttpPost("templates/{key}/preview")]
    [RequirePermission(MessagingPermissions.Templates)]
    public async Task<IActionResult> Preview(string key, string? culture, string? text, CancellationToken cancellationToken) =>
        await EditorAsync(key, culture, text ?? "", cancellationToken);

    [HttpPost("templates/{key}")]
    [RequirePermission(MessagingPermissions.Templates)]
    [PostOnce]
    public async Task<IActionResult> SaveTemplate(string key, string? culture, string? text, CancellationToken cancellationToken)
    {
        var result = await templates.SaveAsync(key, culture ?? "en", text, cancellationToken);
        return await AnswerAsync(result, () => EditorAsync(key, culture, text ?? "", cancellationToken), saved =>
            Done(EditorUrl(saved.Template), "Saved template {0} ({1}); {2} failed message(s) queued again.", saved.Template.Key, saved.Template.Culture, saved.MessagesResent));
    }

    [HttpPost("templates/{key}/reset")]
    [RequirePermission(MessagingPermissions.Templates)]
    [PostOnce]
    public async Task<IActionResult> ResetTemplate(string key, string? culture, CancellationToken cancellationToken) =>
        await AnswerAsync(await templates.ResetAsync(key, culture ?? "en", cancellationToken), () => EditorAsync(key, culture, null, cancellationToken),
            saved => Done(EditorUrl(saved.Template), "Template {0} ({1}) is the module's default again.", saved.Template.Key, saved.Template.Culture));

    [HttpGet("messages")]
    [RequirePermission(MessagingPermissions.Templates)]
    public async Task<IActionResult> Messages(OutgoingMessageStatus? status, [FromServices] IOutgoingMessageAdministration queue, CancellationToken cancellationToken) =>
        View(nameof(Messages), await queue.ListAsync(status, 200, cancellationToken));

    [HttpPost("messages/{id:guid}/retry")]
    [RequirePermission(MessagingPermissions.Templates)]
    [PostOnce]
    public async Task<IActionResult> Retry(Guid id, [FromServices] IOutgoingMessageAdministration queue, CancellationToken cancellationToken) =>
        await AnswerAsync(await queue.RetryAsync(id, cancellationToken), () => Messages(null, queue, cancellationToken),
            message => Done("/admin/messages", "The message to {0} is queued again.", message.To), MessagesForm);

    [HttpPost("messages/check")]
    [RequirePermission(MessagingPermissions.Templates)]
    [PostOnce]
    public async Task<IActionResult> SendCheck(string? to, [FromServices] IOutgoingMessageAdministration queue, CancellationToken cancellationToken) =>
        await AnswerAsync(await queue.QueueMailCheckAsync(to, user.UserName ?? "", System.Globalization.CultureInfo.CurrentUICulture.Name, cancellationToken),
            () => Messages(null, queue, cancellationToken), _ => Done("/admin/messages", "A check message to {0} is queued.", to!.Trim()), MessagesForm);

    /// <summary>The editor of a template in a language; not <c>?culture=</c>, which would switch the page's own language.</summary>
    public static string EditorUrl(TemplateRow row) => $"/admin/templates/{row.Key}?language={row.Culture}";

    private async Task<IActionResult> EditorAsync(string key, string? culture, string? text, CancellationToken cancellationToken)
    {
        var editor = await templates.GetAsync(key, culture ?? "en", cancellationToken);
        if (editor.IsRefused)
        {
            return NotFound();
        }

        var preview = text is null ? editor.Value.Preview : (await templates.PreviewAsync(key, culture ?? "en", text, cancellationToken)).Value;
        return View(nameof(Template), new TemplatePage(editor.Value, text ?? editor.Value.Text, preview));
    }

    private async Task<IActionResult> AnswerAsync<TValue>(Result<TValue> result, Func<Task<IActionResult>> page, Func<TValue, IActionResult> done, string formId = TemplateForm) =>
        !result.IsRefused ? done(result.Value)
        : result.Refusal.Kind == RefusalKind.NotFound ? NotFound()
        : await RefusedAsync(result.Refusal, page, formId);
}
