using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Pages;

/// <summary>Field name → messages of a form shown again; names compare case-insensitively (MVC says <c>Amount</c>, the services <c>amount</c>).</summary>
internal sealed class FieldErrors() : Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
{
    /// <summary>The form-wide message (not tied to one field).</summary>
    public const string Form = "";

    public string? For(string field) => TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public void Add(string field, string message) => this[field] = TryGetValue(field, out var messages) ? [.. messages, message] : [message];
}

/// <summary>
/// What every cards page controller shares: the notice carried over a redirect (PRG), field errors from
/// MVC validation and from a service refusal, and <see cref="OnceAsync"/>, which lets each rendered form
/// post once (its hidden <c>FormToken</c> is claimed in the host's idempotency store).
/// </summary>
[AutoValidateAntiforgeryToken]
internal abstract class CardsPageBase : Controller
{
    /// <summary>The hidden field every money form carries; <c>_FormToken</c> renders it.</summary>
    public const string FormTokenField = "FormToken";

    private const string NoticeKey = "cards.notice";
    private const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>The notice for the page after a redirect: read once.</summary>
    protected string? Notice
    {
        get => TempData[NoticeKey] as string;
        set => TempData[NoticeKey] = value;
    }

    /// <summary>The errors MVC model validation found.</summary>
    protected FieldErrors ModelErrors()
    {
        var errors = new FieldErrors();
        foreach (var (key, entry) in ModelState)
        {
            foreach (var error in entry.Errors)
            {
                var field = key.Contains('.', StringComparison.Ordinal) ? key[(key.LastIndexOf('.') + 1)..] : key;
                errors.Add(field, string.IsNullOrEmpty(error.ErrorMessage) ? "The value is not valid." : error.ErrorMessage);
            }
        }

        return errors;
    }

    /// <summary>A refusal as field errors, in the user's language; one not tied to a field goes to <see cref="FieldErrors.Form"/>.</summary>
    protected FieldErrors ErrorsOf(Refusal refusal)
    {
        var state = HttpContext.RequestServices.GetRequiredService<IPageLocalizer>().Refused(refusal);
        var errors = new FieldErrors();
        foreach (var (field, messages) in state.Errors)
        {
            errors[field] = [.. messages];
        }

        if (state.General is { } general)
        {
            errors.Add(FieldErrors.Form, general);
        }

        return errors;
    }

    /// <summary>A refusal's text in the user's language.</summary>
    protected string Localized(Refusal refusal) => HttpContext.RequestServices.GetRequiredService<IPageLocalizer>().Text(refusal.Text);

    /// <summary>The status of a form shown again after a refusal: the refusal's kind, as the API answers it.</summary>
    protected static int StatusOf(Refusal refusal) => (int)refusal.Kind;

    /// <summary>
    /// Runs a form post at most once per rendered form. The first post with a token claims it; when
    /// <paramref name="work"/> answers with a redirect (done), that redirect is kept on the token and any
    /// repeat of the post (double click, browser resubmit) gets the same redirect without running again.
    /// When the form is shown again with errors the token is released, so the corrected form can be sent.
    /// </summary>
    protected async Task<IActionResult> OnceAsync(string? formToken, string fallbackUrl, Func<Task<IActionResult>> work)
    {
        if (string.IsNullOrWhiteSpace(formToken) || formToken.Length > 100)
        {
            Notice = "The form was out of date; nothing was done. Fill it in again.";
            return Redirect(fallbackUrl);
        }

        var services = HttpContext.RequestServices;
        if (services.GetRequiredService<ICurrentTenant>().Id is not { } tenantId)
        {
            return BadRequest();
        }

        var store = services.GetRequiredService<IIdempotencyStore>();
        var user = services.GetRequiredService<ICurrentUser>().UserName ?? "anonymous";
        var key = new IdempotencyKey(tenantId, user, "cards.form:" + formToken.Trim());
        var claim = await store.TryClaimAsync(key, Fingerprint(), HttpContext.RequestAborted);
        switch (claim.Outcome)
        {
            case IdempotencyClaimOutcome.Completed:
                Notice = "This form was sent before; it was carried out once.";
                return Redirect(claim.Response?.Location ?? fallbackUrl);
            case IdempotencyClaimOutcome.InFlight:
                Notice = "This form is being carried out already; see the result below.";
                return Redirect(fallbackUrl);
            case IdempotencyClaimOutcome.Mismatch:
                Notice = "This form was sent before with other values; nothing was done. Fill it in again.";
                return Redirect(fallbackUrl);
        }

        var kept = false;
        try
        {
            var result = await work();
            if (result is RedirectResult redirect)
            {
                await store.CompleteAsync(key, new IdempotentResponse(302, null, redirect.Url, []), CancellationToken.None);
                kept = true;
            }

            return result;
        }
        finally
        {
            if (!kept)
            {
                await store.ReleaseAsync(key, CancellationToken.None);
            }
        }
    }

    /// <summary>Path and posted fields (not the antiforgery token, which differs per rendering), so a changed form is told from a repeat.</summary>
    private string Fingerprint()
    {
        var text = new StringBuilder(Request.Path.Value);
        if (Request.HasFormContentType)
        {
            foreach (var field in Request.Form.Where(f => f.Key != AntiforgeryField).OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                text.Append('\n').Append(field.Key).Append('=').Append(field.Value.ToString());
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
