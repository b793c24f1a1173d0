using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Authorization;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Identity;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Kernel.Administration;

/// <summary>An API key of the current tenant, without its secret.</summary>
public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, IReadOnlyList<string> Permissions, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>A key just created: <see cref="Key"/> is shown this once and never stored.</summary>
public sealed record CreatedApiKeyDto(Guid Id, string Name, string Key, IReadOnlyList<string> Permissions);

/// <summary>API keys of the current tenant: each is bound to the tenant and to permissions the tenant may hold.</summary>
public interface IApiKeyAdministration
{
    /// <summary>Every key, revoked ones too, by name.</summary>
    Task<IReadOnlyList<ApiKeyDto>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates a key with permissions that are declared and not the platform operator's own.</summary>
    Task<Result<CreatedApiKeyDto>> CreateAsync(string? name, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken);

    /// <summary>Revokes a key (again is harmless); answers the key.</summary>
    Task<Result<ApiKeyDto>> RevokeAsync(Guid id, CancellationToken cancellationToken);
}

internal sealed class ApiKeyAdministration(KernelDbContext db, PermissionDefinitions definitions) : IApiKeyAdministration
{
    public const int MaxNameLength = 200;

    public async Task<IReadOnlyList<ApiKeyDto>> ListAsync(CancellationToken cancellationToken) =>
        (await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(cancellationToken)).Select(ToDto).ToList();

    public async Task<Result<CreatedApiKeyDto>> CreateAsync(string? name, IReadOnlyCollection<string> permissions, CancellationToken cancellationToken)
    {
        var errors = new List<Refusal>();
        name = name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            errors.Add(Refusal.Invalid("api-key-name-required", "name", "An API key needs a name of at most {0} characters.", MaxNameLength));
        }

        var unknown = permissions.Where(p => definitions.Find(p) is not { PlatformOnly: false }).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(Refusal.Invalid("unknown-permission", "permissions", "Unknown or platform-only permission: {0}.", string.Join(", ", unknown)));
        }
        else if (permissions.Count == 0)
        {
            errors.Add(Refusal.Invalid("permissions-required", "permissions", "Choose at least one permission."));
        }

        if (AdminRefusals.Combine(errors) is { } refused)
        {
            return refused;
        }

        var (key, prefix, hash) = ApiKeyAuthenticationHandler.NewKey();
        var granted = permissions.Distinct().ToList();
        var row = new ApiKey { Id = Guid.NewGuid(), Name = name, Prefix = prefix, KeyHash = hash, Permissions = string.Join(' ', granted), CreatedAt = DateTime.UtcNow };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyDto(row.Id, row.Name, key, granted);
    }

    public async Task<Result<ApiKeyDto>> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return Refusal.NotFound("api-key-not-found", "No such API key.");
        }

        key.RevokedAt ??= DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(key);
    }

    private static ApiKeyDto ToDto(ApiKey key) =>
        new(key.Id, key.Name, key.Prefix, key.Permissions.Split(' ', StringSplitOptions.RemoveEmptyEntries), key.CreatedAt, key.RevokedAt);
}
