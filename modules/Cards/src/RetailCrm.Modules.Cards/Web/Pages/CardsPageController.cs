using Microsoft.AspNetCore.Mvc;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Pages;

/// <summary>
/// A cards page with forms. Every form post follows one path, made of the Sdk's pieces: MVC validation or a refusal
/// of the use case shows the page again with the form's state and the refusal's status (<see cref="CrmPageController.InvalidAsync"/>,
/// <see cref="CrmPageController.RefusedAsync"/>); success redirects with a notice (<see cref="CrmPageController.Done"/>).
/// Posts run once per rendered form through <see cref="PostOnceAttribute"/> on the action.
/// </summary>
internal abstract class CardsPageController : CrmPageController
{
    /// <summary>One form post: <paramref name="act"/> runs when the form is valid; <paramref name="done"/> answers its value.</summary>
    protected async Task<IActionResult> SubmitAsync<T>(string? formId, Func<Task<Result<T>>> act, Func<T, IActionResult> done, Func<Task<IActionResult>> showAgain)
    {
        if (await InvalidAsync(showAgain, formId) is { } invalid)
        {
            return invalid;
        }

        var result = await act();
        return result.IsRefused ? await RefusedAsync(result.Refusal, showAgain, formId) : done(result.Value);
    }
}
