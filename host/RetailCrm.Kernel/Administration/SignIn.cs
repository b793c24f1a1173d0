using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Identity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Kernel.Administration;

/// <summary>Checks a user name and password of an active tenant, with a lock-out after repeated failures.</summary>
public interface ISignIn
{
    /// <summary>
    /// The principal to sign <paramref name="userName"/> in with, in the tenant named <paramref name="tenantName"/>
    /// (or the current one when it is blank); refused (401) for an unknown or suspended tenant, a wrong name or
    /// password, an inactive or a locked-out user.
    /// </summary>
    Task<Result<ClaimsPrincipal>> CheckAsync(string? tenantName, string userName, string password, string authenticationType, CancellationToken cancellationToken);
}

internal sealed class SignIn(TenantStore tenants, ICurrentTenant currentTenant, IServiceProvider services) : ISignIn
{
    public async Task<Result<ClaimsPrincipal>> CheckAsync(string? tenantName, string userName, string password, string authenticationType, CancellationToken cancellationToken)
    {
        var tenant = string.IsNullOrWhiteSpace(tenantName)
            ? currentTenant.Id is { } id ? await tenants.FindAsync(id, cancellationToken) : null
            : await tenants.FindByNameAsync(tenantName.Trim(), cancellationToken);
        if (tenant is null || tenant.Status != TenantStatus.Active)
        {
            return Refusal.Unauthenticated("tenant-unavailable", "Unknown or suspended tenant.");
        }

        using var tenantScope = currentTenant.Change(tenant.Id, tenant.Name);
        var (user, failure) = await services.GetRequiredService<UserAccounts>().CheckPasswordAsync(userName, password, cancellationToken);
        return user is not null ? UserAccounts.PrincipalFor(user, authenticationType)
            : failure == SignInFailure.LockedOut ? Refusal.Unauthenticated("locked-out", "Too many failed attempts: the account is locked for a while.")
            : Refusal.Unauthenticated("wrong-credentials", "Wrong user name or password.");
    }
}
