using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Identity;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.MultiTenancy;

/// <summary>What to create a tenant with.</summary>
public sealed record NewTenant(string Name, IReadOnlyList<string> HostNames, string AdminUserName, string AdminPassword, IReadOnlyList<string>? Modules = null, bool IsHost = false);

/// <summary>
/// Creates a tenant with everything it needs to be used at once: the default roles with their
/// default permissions, a head-office unit, an administrator, and its modules switched on.
/// </summary>
internal sealed class TenantProvisioner(IServiceScopeFactory scopes, ICurrentTenant currentTenant, ModuleToggles toggles, TenantStore store, PermissionDefinitions permissions)
{
    public async Task<Guid> CreateAsync(NewTenant request, CancellationToken cancellationToken)
    {
        var tenantId = Guid.NewGuid();
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
            var hostNames = Normalize(request.HostNames);
            if (await db.TenantHostNames.AnyAsync(h => hostNames.Contains(h.HostName), cancellationToken))
            {
                throw new InvalidOperationException("One of the host names already belongs to another tenant.");
            }

            using var tenantScope = currentTenant.Change(tenantId, request.Name);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Tenants.Add(new Tenant
            {
                Id = tenantId,
                Name = request.Name.Trim(),
                IsHost = request.IsHost,
                CreatedAt = DateTime.UtcNow,
                HostNames = hostNames.Select(h => new TenantHostName { Id = Guid.NewGuid(), TenantId = tenantId, HostName = h }).ToList(),
            });
            var headOffice = new OrganizationUnit { Id = Guid.NewGuid(), Name = "Head office", Code = "HQ", Kind = OrganizationUnitKind.Headquarters };
            headOffice.Path = "/" + headOffice.Id + "/";
            db.OrganizationUnits.Add(headOffice);
            var roles = DefaultRoles.All.Select(r => new Role
            {
                Id = Guid.NewGuid(),
                Name = r.Name,
                DisplayName = r.DisplayName,
                DataScope = r.Scope,
            }).ToList();
            foreach (var role in roles)
            {
                role.Permissions = permissions.All
                    .Where(p => p.GrantedByDefaultTo.Contains(role.Name))
                    .Select(p => new RolePermission { RoleId = role.Id, Permission = p.Name })
                    .ToList();
            }

            db.Roles.AddRange(roles);
            await db.SaveChangesAsync(cancellationToken);
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            await accounts.CreateAsync(request.AdminUserName, "Administrator", request.AdminPassword, headOffice.Id, [roles.Single(r => r.Name == DefaultRoles.Admin).Id], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await toggles.EnableAllAsync(tenantId, request.Modules, cancellationToken);
        await store.InvalidateAsync(cancellationToken);
        return tenantId;
    }

    /// <summary>Host names as they are stored and looked up: trimmed, lower case, each once.</summary>
    internal static List<string> Normalize(IEnumerable<string> hostNames) =>
        hostNames.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).Distinct().ToList();

    /// <summary>A password good enough to print once on first run.</summary>
    public static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') + "!7";
}
