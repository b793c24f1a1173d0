using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.WebForm;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>The page of the public contact form: the reference the visitor is given, after a post.</summary>
internal sealed record WebFormPage(string? SentReference, bool TooMany = false);

/// <summary>
/// The tenant's public contact form at <c>/service/contact</c> (no sign-in; the tenant is the host name's), and the
/// same as JSON at <c>POST /api/service/web-form</c>. Each opens a WebForm ticket; at most 5 posts a minute from one address.
/// </summary>
internal sealed class WebFormController(WebFormService form, WebFormRateLimit limit, ICurrentTenant tenant) : CrmPageController
{
    [HttpGet("service/contact")]
    public IActionResult Contact([FromQuery] string? sent) => View(ContactView, new WebFormPage(sent));

    [HttpPost("service/contact")]
    [PostOnce]
    public async Task<IActionResult> Send([FromForm] WebFormRequest request, CancellationToken cancellationToken)
    {
        if (!limit.TryAcquire(HttpContext, tenant))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View(ContactView, new WebFormPage(null, TooMany: true));
        }

        var outcome = await form.SubmitAsync(request, cancellationToken);
        if (outcome.IsRefused)
        {
            return await RefusedAsync(outcome.Refusal!, ShowAgainAsync);
        }

        var sentPage = "/service/contact?sent=" + Uri.EscapeDataString(outcome.Value.Reference ?? "");
        return Done(sentPage, "Thank you, we received your message.");
    }

    /// <summary>Opens a web-form ticket (anonymous; at most 5 a minute per address and tenant, 429 above; a filled honeypot writes nothing).</summary>
    [HttpPost("api/service/web-form")]
    [Microsoft.AspNetCore.Authorization.AllowAnonymous]
    [IgnoreAntiforgeryToken]
    [ProducesResponseType<WebFormOutcome>(StatusCodes.Status202Accepted)]
    public async Task<IActionResult> SendJson([FromBody] WebFormRequest request, CancellationToken cancellationToken) =>
        !limit.TryAcquire(HttpContext, tenant)
            ? Problem(
                detail: "Too many messages from your address; wait a minute and send again.",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many messages",
                type: "https://retailcrm.dev/problems/service/web-form-rate-limited")
            : (await form.SubmitAsync(request, cancellationToken)).ToActionResult(o => Accepted(o));

    private const string ContactView = "~/Web/Views/WebForm/Contact.cshtml";

    private Task<IActionResult> ShowAgainAsync() => Task.FromResult<IActionResult>(View(ContactView, new WebFormPage(null)));
}
