using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using RetailCrm.Kernel.Data;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Kernel.Settings;

/// <summary>Resolves settings user &gt; tenant &gt; global &gt; configuration (<c>Settings:{name}</c>) &gt; default.</summary>
internal sealed class SettingProvider(
    KernelDbContext db,
    SettingDefinitions definitions,
    IConfiguration configuration,
    ICurrentTenant currentTenant,
    ICurrentUser currentUser,
    IDataProtectionProvider protection) : ISettingProvider
{
    /// <summary>The Data Protection purpose of secret settings' stored values.</summary>
    public const string SecretPurpose = "crm.settings.secrets";

    private IDataProtector Secrets => protection.CreateProtector(SecretPurpose);

    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var definition = definitions.Get(name);
        var tenantId = currentTenant.Id;
        var userId = definition.UserOverridable ? currentUser.Id : null;
        var stored = await db.SettingValues.AsNoTracking()
            .Where(v => v.Name == definition.Name
                && (v.Scope == SettingScope.Global
                    || (v.Scope == SettingScope.Tenant && v.TenantId == tenantId)
                    || (v.Scope == SettingScope.User && v.TenantId == tenantId && v.UserId == userId)))
            .ToListAsync(cancellationToken);
        var value = stored.FirstOrDefault(v => v.Scope == SettingScope.User && userId is not null)?.Value
            ?? stored.FirstOrDefault(v => v.Scope == SettingScope.Tenant && tenantId is not null)?.Value
            ?? stored.FirstOrDefault(v => v.Scope == SettingScope.Global)?.Value;
        if (value is not null)
        {
            return definition.IsSecret ? Secrets.Unprotect(value) : value;
        }

        return configuration["Settings:" + definition.Name]
            ?? definition.DefaultValue;
    }

    public async Task<int> GetIntAsync(string name, CancellationToken cancellationToken = default) =>
        int.Parse(await GetAsync(name, cancellationToken) ?? "0", CultureInfo.InvariantCulture);

    public async Task<bool> GetBoolAsync(string name, CancellationToken cancellationToken = default) =>
        bool.Parse(await GetAsync(name, cancellationToken) ?? "false");

    public async Task SetAsync(string name, string? value, SettingScope scope, CancellationToken cancellationToken = default)
    {
        var definition = definitions.Get(name);
        if (value is not null)
        {
            SettingDefinitions.Validate(definition, value);
            value = definition.IsSecret ? Secrets.Protect(value) : value;
        }

        var (tenantId, userId) = scope switch
        {
            SettingScope.Global => ((Guid?)null, (Guid?)null),
            SettingScope.Tenant => (currentTenant.Id ?? throw new SettingValidationException(name, "A tenant setting needs a current tenant."), null),
            _ when !definition.UserOverridable => throw new SettingValidationException(name, $"{name} cannot be set per user."),
            _ => (currentTenant.Id, currentUser.Id ?? throw new SettingValidationException(name, "A user setting needs a signed-in user.")),
        };
        var row = await db.SettingValues.FirstOrDefaultAsync(
            v => v.Name == definition.Name && v.Scope == scope && v.TenantId == tenantId && v.UserId == userId, cancellationToken);
        if (value is null)
        {
            if (row is not null)
            {
                db.SettingValues.Remove(row);
            }
        }
        else if (row is null)
        {
            db.SettingValues.Add(new SettingValue { Id = Guid.NewGuid(), Name = definition.Name, Scope = scope, TenantId = tenantId, UserId = userId, Value = value });
        }
        else
        {
            row.Value = value;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
