using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Kernel.Identity;

/// <summary>Why a sign-in was refused.</summary>
internal enum SignInFailure
{
    None,
    WrongNameOrPassword,
    LockedOut,
    Inactive,
}

/// <summary>
/// Users of the current tenant: create with a hashed password (ASP.NET Core Identity's PBKDF2 hasher),
/// check a password with lock-out after repeated failures.
/// </summary>
internal sealed class UserAccounts(KernelDbContext db)
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    private static readonly PasswordHasher<User> Hasher = new();

    public async Task<User> CreateAsync(string userName, string displayName, string password, Guid? unitId, IEnumerable<Guid> roleIds, CancellationToken cancellationToken)
    {
        var user = new User
        {
            Id = Guid.NewGuid(),
            UserName = userName.Trim(),
            DisplayName = displayName.Trim(),
            OrganizationUnitId = unitId,
            CreatedAt = DateTime.UtcNow,
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        user.Roles = roleIds.Select(r => new UserRole { UserId = user.Id, RoleId = r }).ToList();
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    public static void SetPassword(User user, string password) => user.PasswordHash = Hasher.HashPassword(user, password);

    public async Task<(User? User, SignInFailure Failure)> CheckPasswordAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName.Trim(), cancellationToken);
        if (user is null)
        {
            return (null, SignInFailure.WrongNameOrPassword);
        }

        if (user.LockoutEnd > DateTime.UtcNow)
        {
            return (null, SignInFailure.LockedOut);
        }

        if (!user.IsActive)
        {
            return (null, SignInFailure.Inactive);
        }

        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            user.AccessFailedCount++;
            if (user.AccessFailedCount >= MaxFailedAttempts)
            {
                user.LockoutEnd = DateTime.UtcNow + LockoutDuration;
                user.AccessFailedCount = 0;
            }

            await db.SaveChangesAsync(cancellationToken);
            return (null, user.LockoutEnd > DateTime.UtcNow ? SignInFailure.LockedOut : SignInFailure.WrongNameOrPassword);
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            SetPassword(user, password);
        }

        if (user.AccessFailedCount != 0 || user.LockoutEnd is not null || result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.AccessFailedCount = 0;
            user.LockoutEnd = null;
            await db.SaveChangesAsync(cancellationToken);
        }

        return (user, SignInFailure.None);
    }

    public static ClaimsPrincipal PrincipalFor(User user, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(CrmClaims.UserId, user.Id.ToString()),
            new(CrmClaims.UserName, user.UserName),
            new(CrmClaims.TenantId, user.TenantId.ToString()),
        };
        if (user.OrganizationUnitId is { } unit)
        {
            claims.Add(new Claim(CrmClaims.Unit, unit.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, CrmClaims.UserName, "role"));
    }
}
