using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Administration;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Host.Controllers.Pages;

public sealed class LoginForm
{
    public string? Tenant { get; set; }

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }
}

/// <summary>
/// Cookie sign-in and sign-out, and the language switch. None of them is [PostOnce]: signing in and choosing a
/// language must work from a page left open for hours and without a signed-in user to hold a form token, and the
/// sign-out form is the theme layout's, on every page, which carries no form token either. Each is harmless when repeated.
/// </summary>
[Route("account")]
public sealed class AccountController(ICurrentTenant currentTenant, ISignIn signIn, IDemoSignIn demo) : CrmPageController
{
    [HttpGet("login")]
    public async Task<IActionResult> Login(string? returnUrl, CancellationToken cancellationToken) => await LoginPageAsync(new LoginForm { ReturnUrl = returnUrl, Tenant = currentTenant.Name }, cancellationToken);

    /// <summary>The address people guess; the page is /account/login.</summary>
    [HttpGet("/login")]
    public IActionResult LoginAlias(string? returnUrl) =>
        LocalRedirect(string.IsNullOrEmpty(returnUrl) ? "/account/login" : "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));

    [HttpPost("login")]
    public async Task<IActionResult> Login(LoginForm form, CancellationToken cancellationToken)
    {
        var principal = await signIn.CheckAsync(form.Tenant, form.UserName, form.Password, CookieAuthenticationDefaults.AuthenticationScheme, cancellationToken);
        if (principal.IsRefused)
        {
            return await RefusedAsync(principal.Refusal, () => LoginPageAsync(form, cancellationToken));
        }

        return await SignedInAsync(principal.Value, form.ReturnUrl);
    }

    /// <summary>One click of the sign-in page's "Try as" list, in demo mode only.</summary>
    [HttpPost("try-as")]
    public async Task<IActionResult> TryAs(string userName, string? returnUrl, CancellationToken cancellationToken)
    {
        var principal = await demo.SignInAsync(userName, CookieAuthenticationDefaults.AuthenticationScheme, cancellationToken);
        if (principal.IsRefused)
        {
            return await RefusedAsync(principal.Refusal, () => LoginPageAsync(new LoginForm { ReturnUrl = returnUrl, Tenant = currentTenant.Name }, cancellationToken));
        }

        return await SignedInAsync(principal.Value, returnUrl);
    }

    private async Task<IActionResult> LoginPageAsync(LoginForm form, CancellationToken cancellationToken)
    {
        ViewData[nameof(DemoAccount)] = await demo.ListAsync(cancellationToken);
        return View("Login", form);
    }

    private async Task<IActionResult> SignedInAsync(System.Security.Claims.ClaimsPrincipal principal, string? returnUrl)
    {
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/account/login");
    }

    [HttpPost("language")]
    public IActionResult Language(string culture, string? returnUrl)
    {
        if (culture is "en" or "zh-CN")
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
