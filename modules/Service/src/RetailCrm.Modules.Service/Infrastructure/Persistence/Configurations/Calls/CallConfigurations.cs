using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Service.Domain.Calls;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Configurations.Calls;

internal sealed class CallRecordConfiguration : IEntityTypeConfiguration<CallRecord>
{
    public void Configure(EntityTypeBuilder<CallRecord> b)
    {
        b.ToTable("calls");
        b.Property(x => x.CallId).HasMaxLength(CallRecord.MaxCallIdLength);
        b.Property(x => x.From).HasMaxLength(CallRecord.MaxNumberLength);
        b.Property(x => x.FromE164).HasMaxLength(CallRecord.MaxNumberLength);
        b.Property(x => x.To).HasMaxLength(CallRecord.MaxNumberLength);
        b.Property(x => x.Extension).HasMaxLength(AgentExtension.MaxExtensionLength);
        b.Property(x => x.RecordingUrl).HasMaxLength(CallRecord.MaxUrlLength);
        b.HasIndex(x => new { x.TenantId, x.CallId }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.RingingAt });
        b.HasIndex(x => new { x.TenantId, x.TicketId });
    }
}

internal sealed class AgentExtensionConfiguration : IEntityTypeConfiguration<AgentExtension>
{
    public void Configure(EntityTypeBuilder<AgentExtension> b)
    {
        b.ToTable("agent_extensions");
        b.Property(x => x.Extension).HasMaxLength(AgentExtension.MaxExtensionLength);
        b.HasIndex(x => new { x.TenantId, x.Extension }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique();
    }
}

internal sealed class WebhookSecretConfiguration : IEntityTypeConfiguration<WebhookSecret>
{
    public void Configure(EntityTypeBuilder<WebhookSecret> b)
    {
        b.ToTable("webhook_secrets");
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(x => new { x.TenantId, x.Source }).IsUnique();
    }
}

internal sealed class WebhookNonceConfiguration : IEntityTypeConfiguration<WebhookNonce>
{
    public void Configure(EntityTypeBuilder<WebhookNonce> b)
    {
        b.ToTable("webhook_nonces");
        b.HasKey(x => new { x.TenantId, x.Source, x.Nonce });
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Nonce).HasMaxLength(100);
        b.HasIndex(x => x.UsedAt);
    }
}
