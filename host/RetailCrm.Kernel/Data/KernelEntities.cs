using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.Data;

public enum TenantStatus
{
    Active,
    Suspended,
}

internal sealed class Tenant
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public TenantStatus Status { get; set; }

    /// <summary>The platform operator's own tenant (created on first run); only its admins manage other tenants.</summary>
    public bool IsHost { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<TenantHostName> HostNames { get; set; } = [];
}

internal sealed class TenantHostName
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string HostName { get; set; } = "";
}

internal sealed class TenantModule : ITenantOwned
{
    public Guid TenantId { get; set; }

    public string ModuleId { get; set; } = "";

    public bool Enabled { get; set; }

    public DateTime ChangedAt { get; set; }
}

public enum OrganizationUnitKind
{
    Headquarters,
    Region,
    Store,
    Department,
}

internal sealed class OrganizationUnit : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid? ParentId { get; set; }

    public string Name { get; set; } = "";

    public string Code { get; set; } = "";

    public OrganizationUnitKind Kind { get; set; }

    /// <summary>Ids from the root down to this unit, <c>/</c>-separated, for "my unit and below" queries.</summary>
    public string Path { get; set; } = "";

    /// <summary>A new unit under <paramref name="parent"/>, its path following the parent's.</summary>
    public static OrganizationUnit ChildOf(OrganizationUnit parent, string code, string name, OrganizationUnitKind kind)
    {
        var id = Guid.NewGuid();
        return new OrganizationUnit { Id = id, ParentId = parent.Id, Code = code, Name = name, Kind = kind, Path = parent.Path + id + "/" };
    }
}

internal sealed class User : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string? Email { get; set; }

    [Sensitive]
    public string PasswordHash { get; set; } = "";

    public Guid? OrganizationUnitId { get; set; }

    public bool IsActive { get; set; } = true;

    public int AccessFailedCount { get; set; }

    public DateTime? LockoutEnd { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<UserRole> Roles { get; set; } = [];
}

internal sealed class Role : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public DataScope DataScope { get; set; }

    public List<RolePermission> Permissions { get; set; } = [];
}

internal sealed class RolePermission : ITenantOwned
{
    public Guid RoleId { get; set; }

    public Guid TenantId { get; set; }

    public string Permission { get; set; } = "";
}

internal sealed class UserRole : ITenantOwned
{
    public Guid UserId { get; set; }

    public Guid RoleId { get; set; }

    public Guid TenantId { get; set; }
}

internal sealed class SettingValue
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public Sdk.Settings.SettingScope Scope { get; set; }

    public Guid? TenantId { get; set; }

    public Guid? UserId { get; set; }

    public string Value { get; set; } = "";
}

internal sealed class ApiKey : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>First characters of the key, shown to admins and used to find the row.</summary>
    public string Prefix { get; set; } = "";

    [Sensitive]
    public string KeyHash { get; set; } = "";

    /// <summary>Space-separated permission names.</summary>
    public string Permissions { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

public enum DeliveryStatus
{
    Pending,
    Delivered,

    /// <summary>The handler's module is off for the event's tenant, so the handler does not see it.</summary>
    Skipped,

    /// <summary>Gave up after the last retry; shown to admins, who may retry it.</summary>
    Failed,
}

/// <summary>Delivery of one outbox message to one handler: retried until delivered or given up (then visible to admins).</summary>
[NotAudited]
internal sealed class EventDelivery
{
    public Guid Id { get; set; }

    public Guid MessageId { get; set; }

    public string SourceModule { get; set; } = "";

    public Guid? TenantId { get; set; }

    public string EventName { get; set; } = "";

    public string Handler { get; set; } = "";

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime? NextAttemptAt { get; set; }

    public DateTime? DeliveredAt { get; set; }

    /// <summary>Claimed by one host instance until then, so that two instances never deliver it at once.</summary>
    public DateTime? LockedUntil { get; set; }
}

/// <summary>
/// When a job last ran for a tenant, and which instance holds it now: a job runs once per
/// interval and tenant however many host instances there are.
/// </summary>
[NotAudited]
internal sealed class JobLease
{
    public string JobName { get; set; } = "";

    public Guid TenantId { get; set; }

    public DateTime? LockedUntil { get; set; }

    public DateTime? LastRunAt { get; set; }

    public string? LastError { get; set; }
}

internal enum IdempotencyStatus
{
    /// <summary>Claimed by a request that is still running; <see cref="IdempotencyRecord.ExpiresAt"/> bounds how long.</summary>
    InFlight,

    /// <summary>The response is kept and replayed until <see cref="IdempotencyRecord.ExpiresAt"/>.</summary>
    Completed,
}

/// <summary>
/// An <c>Idempotency-Key</c> of one caller in one tenant and the response kept for it. The primary
/// key makes a concurrent second claim of the same key fail, so exactly one request runs.
/// </summary>
[NotAudited]
internal sealed class IdempotencyRecord : ITenantOwned
{
    public Guid TenantId { get; set; }

    public string Caller { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>Hex SHA-256 of method, path and body of the request that claimed the key.</summary>
    public string RequestHash { get; set; } = "";

    public IdempotencyStatus Status { get; set; }

    public int? ResponseStatus { get; set; }

    public string? ResponseContentType { get; set; }

    public string? ResponseLocation { get; set; }

    public byte[]? ResponseBody { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

/// <summary>A tenant's logo (at most one): the image as uploaded, checked to be a PNG, JPEG, WebP or plain SVG.</summary>
internal sealed class TenantLogo : ITenantOwned
{
    public Guid TenantId { get; set; }

    public string ContentType { get; set; } = "";

    [Sensitive]
    public byte[] Content { get; set; } = [];

    /// <summary>Hex SHA-256 of the content: the ETag, and the version in the logo's URL.</summary>
    public string Hash { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}
