using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Identity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Administration;

/// <summary>A demo user the sign-in page offers to try: the user name and the role, in the user's language.</summary>
public sealed record DemoAccount(string UserName, string Role);

/// <summary>
/// The sign-in page's "Try as" list, in demo mode only (<c>RetailCrm:DemoData</c> on, on the demo tenant): one click signs
/// a demo user in, without the password, because trying each role at once is what a demo is for. Outside demo mode
/// the list is empty and the sign-in refused.
/// </summary>
public interface IDemoSignIn
{
    /// <summary>The active demo users of the current tenant, in role order; empty outside demo mode.</summary>
    Task<IReadOnlyList<DemoAccount>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The principal of the demo user <paramref name="userName"/>; refused (401) outside demo mode or for any other user.</summary>
    Task<Result<ClaimsPrincipal>> SignInAsync(string userName, string authenticationType, CancellationToken cancellationToken);
}

internal sealed class DemoSignIn(IConfiguration configuration, ICurrentTenant currentTenant, KernelDbContext db) : IDemoSignIn
{
    public async Task<IReadOnlyList<DemoAccount>> ListAsync(CancellationToken cancellationToken)
    {
        if (!IsDemo())
        {
            return [];
        }

        var names = DemoUsers.Roles.Select(r => r.Name).ToList();
        var active = await db.Users.Where(u => u.IsActive && names.Contains(u.UserName)).Select(u => u.UserName).ToListAsync(cancellationToken);
        var chinese = ReaderLanguage.IsChinese;
        return [.. DemoUsers.Roles.Where(r => active.Contains(r.Name)).Select(r => new DemoAccount(r.Name, chinese ? r.DisplayNameZh : r.DisplayName))];
    }

    public async Task<Result<ClaimsPrincipal>> SignInAsync(string userName, string authenticationType, CancellationToken cancellationToken)
    {
        var user = IsDemo() && DemoUsers.IsDemoUserName(userName)
            ? await db.Users.FirstOrDefaultAsync(u => u.UserName == userName && u.IsActive, cancellationToken)
            : null;
        return user is null
            ? Refusal.Unauthenticated("not-a-demo-user", "Only the demo users can be tried, and only in demo mode.")
            : UserAccounts.PrincipalFor(user, authenticationType);
    }

    private bool IsDemo() =>
        configuration.GetValue("RetailCrm:DemoData", false)
        && currentTenant.Name is { } tenant
        && string.Equals(tenant, configuration["RetailCrm:DemoTenant"] ?? KernelStartup.DefaultTenantName, StringComparison.OrdinalIgnoreCase);
}
