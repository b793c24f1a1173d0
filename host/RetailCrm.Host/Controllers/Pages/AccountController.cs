using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Kernel.Identity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Host.Controllers.Pages;

public sealed class LoginForm
{
    public string? Tenant { get; set; }

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public string? ReturnUrl { get; set; }

    public string? Error { get; set; }
}

/// <summary>Cookie sign-in and sign-out, and the language switch.</summary>
[Route("account")]
public sealed class AccountController(ICurrentTenant currentTenant, TenantStore tenants, IServiceProvider services) : Controller
{
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl, Tenant = currentTenant.Name });

    [HttpPost("login")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Login(LoginForm form, CancellationToken cancellationToken)
    {
        var tenant = string.IsNullOrWhiteSpace(form.Tenant)
            ? currentTenant.Id is { } id ? await tenants.FindAsync(id, cancellationToken) : null
            : await tenants.FindByNameAsync(form.Tenant.Trim(), cancellationToken);
        if (tenant is null || tenant.Status != Kernel.Data.TenantStatus.Active)
        {
            form.Error = "Unknown or suspended tenant.";
            return View(form);
        }

        using var tenantScope = currentTenant.Change(tenant.Id, tenant.Name);
        var accounts = services.GetRequiredService<UserAccounts>();
        var (user, failure) = await accounts.CheckPasswordAsync(form.UserName, form.Password, cancellationToken);
        if (user is null)
        {
            form.Error = failure == SignInFailure.LockedOut
                ? "Too many failed attempts: the account is locked for a while."
                : "Wrong user name or password.";
            form.Password = "";
            return View(form);
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, UserAccounts.PrincipalFor(user, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
    }

    [HttpPost("logout")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Logout()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/account/login");
    }

    [HttpPost("language")]
    [ValidateAntiForgeryToken]
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
