namespace RetailCrm.Sdk.MultiTenancy;

/// <summary>One user of the tenant as modules see it: who to assign work to, whose name to show.</summary>
/// <param name="Id">The user's id.</param>
/// <param name="UserName">The sign-in name.</param>
/// <param name="DisplayName">The name as shown; the user name when none was given.</param>
/// <param name="Email">The e-mail address, or null.</param>
/// <param name="OrganizationUnitId">The unit (team, store) the user belongs to.</param>
public sealed record UserInfo(Guid Id, string UserName, string DisplayName, string? Email, Guid? OrganizationUnitId)
{
    /// <summary>The language the user chose for himself (e.g. <c>zh-CN</c>), or null when he keeps the tenant's: what mail to him is written in.</summary>
    public string? Culture { get; init; }
}

/// <summary>The current tenant's active users (read only); the host keeps the accounts and roles.</summary>
public interface IUserDirectory
{
    /// <summary>Every active user of the current tenant, by display name.</summary>
    Task<IReadOnlyList<UserInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The active user with this id in the current tenant, or null.</summary>
    Task<UserInfo?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The active users whose roles grant <paramref name="permission"/> (admins hold every permission), by display name.</summary>
    Task<IReadOnlyList<UserInfo>> WithPermissionAsync(string permission, CancellationToken cancellationToken = default);
}
