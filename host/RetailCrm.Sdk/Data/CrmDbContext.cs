using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Sdk.Data;

/// <summary>
/// Base of every module's DbContext. It puts the module's tables under its prefix or schema,
/// filters every <see cref="ITenantOwned"/> entity to the current tenant, stamps new rows with it,
/// refuses writes to another tenant's rows, and in the same SaveChanges (one transaction)
/// writes the audit entries and the outbox messages of the events published in this scope.
/// </summary>
public abstract class CrmDbContext : DbContext
{
    private readonly ICrmDbContextServices _crm;

    protected CrmDbContext(DbContextOptions options, ICrmDbContextServices crm)
        : base(options)
    {
        _crm = crm;
    }

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The tenant the global filters compare with; <see cref="Guid.Empty"/> (no rows) outside a tenant.</summary>
    protected Guid CurrentTenantId => _crm.CurrentTenant.Id ?? Guid.Empty;

    /// <summary>Configures the module's entities. Call <c>ToTable("name")</c> with the bare name; the prefix or schema is added.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);
        ConfigureInfrastructure(modelBuilder);

        var naming = _crm.NamingFor(GetType());
        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            var table = entity.GetTableName() ?? entity.ClrType.Name;
            if (naming.UsesSchemas)
            {
                entity.SetSchema(naming.Schema);
                entity.SetTableName(table);
            }
            else
            {
                entity.SetTableName(naming.Prefix + table);
            }

            if (typeof(ITenantOwned).IsAssignableFrom(entity.ClrType))
            {
                entity.SetQueryFilter(TenantFilter(entity.ClrType));
            }
        }
    }

    private static void ConfigureInfrastructure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox");
            b.HasKey(x => x.Id);
            b.Property(x => x.EventName).HasMaxLength(200);
            b.HasIndex(x => x.ProcessedAt);
        });
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("audit_log");
            b.HasKey(x => x.Id);
            b.Property(x => x.EntityType).HasMaxLength(200);
            b.Property(x => x.EntityId).HasMaxLength(200);
            b.Property(x => x.Action).HasMaxLength(20);
            b.Property(x => x.UserName).HasMaxLength(200);
            b.HasIndex(x => new { x.TenantId, x.OccurredAt });
        });
    }

    private LambdaExpression TenantFilter(Type entityType)
    {
        var entity = Expression.Parameter(entityType, "e");
        var tenantOfRow = Expression.Property(entity, nameof(ITenantOwned.TenantId));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentTenantId));
        return Expression.Lambda(Expression.Equal(tenantOfRow, current), entity);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BeforeSave()
    {
        ChangeTracker.DetectChanges();
        var now = DateTime.UtcNow;
        var tenantId = _crm.CurrentTenant.Id;
        var audits = new List<AuditEntry>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry or OutboxMessage || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            GuardTenant(entry, tenantId);
            if (entry.Metadata.ClrType.GetCustomAttribute<NotAuditedAttribute>() is null)
            {
                audits.Add(Audit(entry, now));
            }
        }

        AuditEntries.AddRange(audits);
        foreach (var (name, payload) in _crm.TakePendingEvents())
        {
            OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(),
                TenantId = tenantId,
                EventName = name,
                Payload = payload,
                OccurredAt = now,
            });
        }
    }

    private static void GuardTenant(EntityEntry entry, Guid? tenantId)
    {
        if (entry.Entity is not ITenantOwned owned)
        {
            return;
        }

        if (entry.State == EntityState.Added && owned.TenantId == Guid.Empty)
        {
            owned.TenantId = tenantId ?? throw new InvalidOperationException(
                $"A {entry.Metadata.ClrType.Name} belongs to a tenant, but no tenant is current.");
            return;
        }

        var original = entry.State == EntityState.Added
            ? owned.TenantId
            : entry.Property(nameof(ITenantOwned.TenantId)).OriginalValue as Guid? ?? Guid.Empty;
        if (tenantId is not null && (original != tenantId || owned.TenantId != tenantId))
        {
            throw new InvalidOperationException(
                $"Refused to write a {entry.Metadata.ClrType.Name} of another tenant.");
        }
    }

    private AuditEntry Audit(EntityEntry entry, DateTime now)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var changed = entry.State != EntityState.Modified || property.IsModified;
            if (!changed || property.Metadata.IsShadowProperty() && property.Metadata.IsForeignKey())
            {
                continue;
            }

            var sensitive = property.Metadata.PropertyInfo?.GetCustomAttribute<SensitiveAttribute>() is not null;
            var masked = property.Metadata.PropertyInfo?.GetCustomAttribute<MaskedAttribute>();
            object? Show(object? value) => value is null ? null
                : sensitive ? "***"
                : masked is not null ? masked.Mask(value.ToString() ?? "")
                : value;
            changes[property.Metadata.Name] = entry.State switch
            {
                EntityState.Added => new { @new = Show(property.CurrentValue) },
                EntityState.Deleted => new { old = Show(property.OriginalValue) },
                _ => new { old = Show(property.OriginalValue), @new = Show(property.CurrentValue) },
            };
        }

        var key = entry.Metadata.FindPrimaryKey()?.Properties
            .Select(p => p.PropertyInfo?.GetCustomAttribute<MaskedAttribute>() is { } mask
                ? mask.Mask(entry.Property(p.Name).CurrentValue?.ToString() ?? "")
                : entry.Property(p.Name).CurrentValue?.ToString())
            ?? [];
        return new AuditEntry
        {
            Id = Guid.NewGuid(),
            TenantId = (entry.Entity as ITenantOwned)?.TenantId ?? _crm.CurrentTenant.Id,
            UserName = _crm.CurrentUser.UserName ?? "system",
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = string.Join(",", key),
            Action = entry.State switch
            {
                EntityState.Added => "Created",
                EntityState.Deleted => "Deleted",
                _ => "Updated",
            },
            Changes = JsonSerializer.Serialize(changes),
            OccurredAt = now,
        };
    }
}
