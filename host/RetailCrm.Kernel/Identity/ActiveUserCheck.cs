using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Kernel.Identity;

/// <summary>
/// Ends the session of a user who was deactivated or locked out since signing in. Checked at most
/// once a minute per session, so a sign-in cookie does not outlive an admin's decision by hours.
/// </summary>
internal static class ActiveUserCheck
{
    private const string CheckedAt = "crm.checked";
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = DateTimeOffset.UtcNow;
        if (context.Properties.Items.TryGetValue(CheckedAt, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var last)
            && now - last < Interval)
        {
            return;
        }

        if (!Guid.TryParse(context.Principal?.FindFirst(CrmClaims.UserId)?.Value, out var userId))
        {
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<KernelDbContext>();
        var user = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.LockoutEnd })
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (user is null || !user.IsActive || user.LockoutEnd > now.UtcDateTime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.Properties.Items[CheckedAt] = now.ToString("O", CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }
}
