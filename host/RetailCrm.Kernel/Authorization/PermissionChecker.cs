using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Identity;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.Authorization;

/// <summary>
/// Grants come from the user's roles (the <c>admin</c> role holds every permission) or from an
/// API key's list. A permission of a module the tenant has switched off is never granted;
/// a platform permission only in the host tenant. One lookup per request, then memoized.
/// </summary>
internal sealed class PermissionChecker(
    KernelDbContext db,
    ICurrentTenant currentTenant,
    CurrentUser currentUser,
    PermissionDefinitions definitions,
    ModuleToggles toggles,
    TenantStore tenants) : IPermissionChecker
{
    private HashSet<string>? _granted;

    public async Task<bool> IsGrantedAsync(string permission, CancellationToken cancellationToken = default)
    {
        if (currentTenant.Id is not { } tenantId || !currentUser.IsAuthenticated)
        {
            return false;
        }

        var definition = definitions.Find(permission);
        if (definition is null)
        {
            return false;
        }

        if (definition.ModuleId.Length > 0 && !await toggles.IsEnabledAsync(tenantId, definition.ModuleId, cancellationToken))
        {
            return false;
        }

        if (definition.PlatformOnly && (await tenants.FindAsync(tenantId, cancellationToken))?.IsHost != true)
        {
            return false;
        }

        _granted ??= await LoadGrantsAsync(cancellationToken);
        return _granted.Contains("*") || _granted.Contains(permission);
    }

    private async Task<HashSet<string>> LoadGrantsAsync(CancellationToken cancellationToken)
    {
        if (currentUser.ApiKeyPermissions is { } keyPermissions)
        {
            return keyPermissions.ToHashSet(StringComparer.OrdinalIgnoreCase);
        }

        var userId = currentUser.Id;
        var roleIds = db.UserRoles.Where(ur => ur.UserId == userId).Select(ur => ur.RoleId);
        var roles = await db.Roles.Where(r => roleIds.Contains(r.Id)).Include(r => r.Permissions).AsNoTracking().ToListAsync(cancellationToken);
        var granted = roles.SelectMany(r => r.Permissions.Select(p => p.Permission)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (roles.Any(r => r.Name == DefaultRoles.Admin))
        {
            granted.Add("*");
        }

        return granted;
    }
}

/// <summary>Resolves the widest data scope of the current user's roles to concrete user and unit ids.</summary>
internal sealed class DataScopeProvider(KernelDbContext db, CurrentUser currentUser) : IDataScopeProvider
{
    private DataScopeFilter? _resolved;

    public async Task<IQueryable<T>> ApplyAsync<T>(IQueryable<T> query, Expression<Func<T, Guid?>> owner, Expression<Func<T, Guid?>> unit, CancellationToken cancellationToken = default) =>
        DataScopeQuery.Apply(query, await GetAsync(cancellationToken), owner, unit);

    public async Task<DataScopeFilter> GetAsync(CancellationToken cancellationToken = default)
    {
        return _resolved ??= await ResolveAsync(cancellationToken);
    }

    private async Task<DataScopeFilter> ResolveAsync(CancellationToken cancellationToken)
    {
        if (currentUser.ApiKeyPermissions is not null)
        {
            return DataScopeFilter.Everything;
        }

        if (currentUser.Id is not { } userId)
        {
            return new DataScopeFilter(DataScope.Own, Guid.Empty, []);
        }

        var roleIds = db.UserRoles.Where(ur => ur.UserId == userId).Select(ur => ur.RoleId);
        var scopes = await db.Roles.Where(r => roleIds.Contains(r.Id)).Select(r => r.DataScope).ToListAsync(cancellationToken);
        var scope = scopes.Count == 0 ? DataScope.Own : scopes.Max();
        // The stored unit, not the sign-in claim: an administrator may have moved the user since he signed in.
        var unitId = await db.Users.Where(u => u.Id == userId).Select(u => u.OrganizationUnitId).FirstOrDefaultAsync(cancellationToken);
        switch (scope)
        {
            case DataScope.All:
                return DataScopeFilter.Everything;
            case DataScope.Own:
            case DataScope.MyUnit when unitId is null:
                return new DataScopeFilter(DataScope.Own, userId, []);
            case DataScope.MyUnit:
                return new DataScopeFilter(scope, userId, [unitId!.Value]);
            default:
                var unit = await db.OrganizationUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken);
                if (unit is null)
                {
                    return new DataScopeFilter(DataScope.Own, userId, []);
                }

                var below = await db.OrganizationUnits.Where(u => u.Path.StartsWith(unit.Path)).Select(u => u.Id).ToListAsync(cancellationToken);
                return new DataScopeFilter(scope, userId, below);
        }
    }
}
