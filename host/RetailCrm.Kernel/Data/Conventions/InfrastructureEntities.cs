using Microsoft.EntityFrameworkCore;

namespace RetailCrm.Kernel.Data.Conventions;

/// <summary>An integration event waiting in a module's outbox, written in the transaction that raised it.</summary>
internal sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public Guid? TenantId { get; set; }

    public string EventName { get; set; } = "";

    public string Payload { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    /// <summary>Set when every handler has taken the event or given up on it.</summary>
    public DateTime? ProcessedAt { get; set; }
}

/// <summary>One write recorded by the audit log: who, which tenant, what, when and the changes.</summary>
internal sealed class AuditEntry
{
    public Guid Id { get; set; }

    public Guid? TenantId { get; set; }

    public string? UserName { get; set; }

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    /// <summary>Created, Updated or Deleted.</summary>
    public string Action { get; set; } = "";

    /// <summary>JSON object: property name to <c>{"old": ..., "new": ...}</c>.</summary>
    public string Changes { get; set; } = "{}";

    public DateTime OccurredAt { get; set; }
}

/// <summary>
/// The outbox and audit tables every module context has: declared here once, for the model and (through
/// <see cref="InfrastructureMigration"/>) for the migrations alike.
/// </summary>
internal static class InfrastructureModel
{
    public const string OutboxTable = "outbox";
    public const string AuditTable = "audit_log";

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable(OutboxTable);
            b.HasKey(x => x.Id);
            b.Property(x => x.EventName).HasMaxLength(200);
            b.HasIndex(x => x.ProcessedAt);
        });
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable(AuditTable);
            b.HasKey(x => x.Id);
            b.Property(x => x.EntityType).HasMaxLength(200);
            b.Property(x => x.EntityId).HasMaxLength(200);
            b.Property(x => x.Action).HasMaxLength(20);
            b.Property(x => x.UserName).HasMaxLength(200);
            b.HasIndex(x => new { x.TenantId, x.OccurredAt });
        });
    }

    /// <summary>Whether a table of the model (its bare name) is one of the infrastructure tables.</summary>
    public static bool IsInfrastructure(Type clrType) => clrType == typeof(OutboxMessage) || clrType == typeof(AuditEntry);
}
