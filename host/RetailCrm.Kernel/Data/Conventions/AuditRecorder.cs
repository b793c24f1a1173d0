using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.Data.Conventions;

/// <summary>
/// Makes the audit entry of one write, the same for a tracked change (<see cref="CrmSaveChangesInterceptor"/>) and a
/// bulk insert (<see cref="BulkWriter"/>): every changed property with its old and new value, <c>***</c> for
/// <see cref="SensitiveAttribute"/> properties and only the last characters of <see cref="MaskedAttribute"/> ones.
/// </summary>
internal sealed class AuditRecorder(ICurrentTenant currentTenant, ICurrentUser currentUser)
{
    public static bool IsAudited(IEntityType entityType) => entityType.ClrType.GetCustomAttribute<NotAuditedAttribute>() is null;

    public AuditEntry Of(EntityEntry entry, DateTime now)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var changed = entry.State != EntityState.Modified || property.IsModified;
            if (!changed || property.Metadata.IsShadowProperty() && property.Metadata.IsForeignKey())
            {
                continue;
            }

            var info = property.Metadata.PropertyInfo;
            changes[property.Metadata.Name] = entry.State switch
            {
                EntityState.Added => new { @new = Shown(info, property.CurrentValue) },
                EntityState.Deleted => new { old = Shown(info, property.OriginalValue) },
                _ => new { old = Shown(info, property.OriginalValue), @new = Shown(info, property.CurrentValue) },
            };
        }

        var action = entry.State switch
        {
            EntityState.Added => "Created",
            EntityState.Deleted => "Deleted",
            _ => "Updated",
        };
        return Entry(entry.Metadata, entry.Entity, action, changes, property => entry.Property(property.Name).CurrentValue, now);
    }

    /// <summary>The entry of a row inserted without the change tracker.</summary>
    public AuditEntry Created(IEntityType entityType, object entity, DateTime now)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entityType.GetProperties().Where(p => !p.IsShadowProperty()))
        {
            changes[property.Name] = new { @new = Shown(property.PropertyInfo, property.GetGetter().GetClrValue(entity)) };
        }

        return Entry(entityType, entity, "Created", changes, property => property.GetGetter().GetClrValue(entity), now);
    }

    private AuditEntry Entry(IEntityType entityType, object entity, string action, Dictionary<string, object?> changes, Func<IProperty, object?> value, DateTime now)
    {
        var key = entityType.FindPrimaryKey()?.Properties
            .Select(p => p.PropertyInfo?.GetCustomAttribute<MaskedAttribute>() is { } mask
                ? Mask(value(p)?.ToString() ?? "", mask.KeepLast)
                : value(p)?.ToString())
            ?? [];
        return new AuditEntry
        {
            Id = Guid.NewGuid(),
            TenantId = (entity as ITenantOwned)?.TenantId ?? currentTenant.Id,
            UserName = currentUser.UserName ?? "system",
            EntityType = entityType.ClrType.Name,
            EntityId = string.Join(",", key),
            Action = action,
            Changes = JsonSerializer.Serialize(changes),
            OccurredAt = now,
        };
    }

    /// <summary>A value as the audit log shows it.</summary>
    private static object? Shown(PropertyInfo? property, object? value) =>
        value is null ? null
        : property?.GetCustomAttribute<SensitiveAttribute>() is not null ? "***"
        : property?.GetCustomAttribute<MaskedAttribute>() is { } masked ? Mask(value.ToString() ?? "", masked.KeepLast)
        : value;

    private static string Mask(string value, int keepLast) =>
        value.Length <= keepLast ? new string('*', value.Length) : new string('*', value.Length - keepLast) + value[^keepLast..];
}
