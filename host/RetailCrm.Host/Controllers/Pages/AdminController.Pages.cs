using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RetailCrm.Host.Administration;

namespace RetailCrm.Host.Controllers.Pages;

/// <summary>How the admin pages answer a form: redirect with a message when done, the page again with the errors when refused.</summary>
public sealed partial class AdminController
{
    private IStringLocalizer T => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Program>>();

    private string? Message => TempData[MessageKey] as string;

    private string? Error => TempData[ErrorKey] as string;

    /// <summary>Stores the translated message for the page the browser is redirected to.</summary>
    private RedirectToActionResult Done(string action, string message, params object[] arguments)
    {
        TempData[MessageKey] = T[message, arguments].Value;
        return RedirectToAction(action);
    }

    private FormState Refused(string formId, AdminResult result) => FormState.From(formId, Request.Form, result);
}
