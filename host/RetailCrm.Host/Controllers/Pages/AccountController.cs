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
public sealed class AccountController(ICurrentTenant currentTenant, ISignIn signIn) : CrmPageController
{
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl, Tenant = currentTenant.Name });

    [HttpPost("login")]
    public async Task<IActionResult> Login(LoginForm form, CancellationToken cancellationToken)
    {
        var principal = await signIn.CheckAsync(form.Tenant, form.UserName, form.Password, CookieAuthenticationDefaults.AuthenticationScheme, cancellationToken);
        if (principal.IsRefused)
        {
            return await RefusedAsync(principal.Refusal, () => Task.FromResult<IActionResult>(View(form)));
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal.Value);
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
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
