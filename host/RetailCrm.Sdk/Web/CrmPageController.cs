using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Sdk.Web;

/// <summary>
/// Base of every page controller (server-rendered Razor). Pages follow one pattern: a valid post does its work
/// and redirects with a notice (<see cref="Done"/>); a refused post shows the page again through
/// <see cref="RefusedAsync"/>, with the refusal's status, the typed values and each error at its field.
/// </summary>
[AutoValidateAntiforgeryToken]
public abstract class CrmPageController : Controller
{
    private IPageLocalizer Localizer => HttpContext.RequestServices.GetRequiredService<IPageLocalizer>();

    /// <summary>
    /// Shows the page again for a refused form, with the status the refusal's kind means and the
    /// <see cref="FormState"/> (values, translated errors) the view reads: renders <paramref name="showAgain"/>.
    /// </summary>
    protected async Task<IActionResult> RefusedAsync(Refusal refusal, Func<Task<IActionResult>> showAgain, string? formId = null)
    {
        ViewData[FormState.ViewDataKey] = Localizer.Refused(refusal, formId);
        return await showAgain();
    }

    /// <summary>Shows the page again when MVC model validation refused the post (400), or returns null when the model is valid.</summary>
    protected async Task<IActionResult?> InvalidAsync(Func<Task<IActionResult>> showAgain, string? formId = null)
    {
        if (Localizer.Invalid(ModelState, formId) is not { } state)
        {
            return null;
        }

        ViewData[FormState.ViewDataKey] = state;
        return await showAgain();
    }

    /// <summary>Redirects to <paramref name="url"/> with a notice for that page (post, redirect, get), translated for the user.</summary>
    protected RedirectResult Done(string url, string notice, params object[] arguments)
    {
        SetNotice(notice, arguments);
        return Redirect(url);
    }

    /// <summary>Keeps a notice, translated for the user, for the next page; the theme's layout shows it once.</summary>
    protected void SetNotice(string notice, params object[] arguments) =>
        TempData[PageNotice.Key] = Localizer.Text(LocalizableText.Of(notice, arguments));
}
