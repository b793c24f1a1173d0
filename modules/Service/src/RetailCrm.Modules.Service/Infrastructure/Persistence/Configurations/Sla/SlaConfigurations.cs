using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Service.Domain.Routing;
using RetailCrm.Modules.Service.Domain.Sla;
using RetailCrm.Modules.Service.Domain.Tickets;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Configurations.Sla;

internal sealed class SlaCalendarConfiguration : IEntityTypeConfiguration<SlaCalendar>
{
    public void Configure(EntityTypeBuilder<SlaCalendar> b)
    {
        b.ToTable("sla_calendars");
        b.Property(x => x.Name).HasMaxLength(SlaCalendar.MaxNameLength);
        b.Property(x => x.TimeZoneId).HasMaxLength(SlaCalendar.MaxZoneLength);
        b.Ignore(x => x.Hours);
        b.Ignore(x => x.Holidays);
        b.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
    }
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> b)
    {
        b.ToTable("sla_policies");
        b.Property(x => x.Name).HasMaxLength(SlaPolicy.MaxNameLength);
        b.Property(x => x.TypeKey).HasMaxLength(TicketType.MaxKeyLength);
        b.Property(x => x.Priority).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.CustomerTier).HasMaxLength(50);
        b.Ignore(x => x.Specificity);
        b.HasIndex(x => x.TenantId);
    }
}

internal sealed class SlaClockConfiguration : IEntityTypeConfiguration<SlaClock>
{
    public void Configure(EntityTypeBuilder<SlaClock> b)
    {
        b.ToTable("sla_clocks");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
        b.Ignore(x => x.IsBreached);
        b.HasIndex(x => new { x.TenantId, x.TicketId, x.Kind }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.State, x.WarnAt });
    }
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> b)
    {
        b.ToTable("routing_rules");
        b.Property(x => x.Name).HasMaxLength(RoutingRule.MaxNameLength);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.TypeKey).HasMaxLength(TicketType.MaxKeyLength);
        b.Property(x => x.CustomerTier).HasMaxLength(50);
        b.Property(x => x.SubjectWords).HasMaxLength(RoutingRule.MaxWordsLength);
        b.Property(x => x.Strategy).HasConversion<string>().HasMaxLength(20);
        b.Ignore(x => x.Words);
        b.HasIndex(x => new { x.TenantId, x.Order });
    }
}

internal sealed class AgentAvailabilityConfiguration : IEntityTypeConfiguration<AgentAvailability>
{
    public void Configure(EntityTypeBuilder<AgentAvailability> b)
    {
        b.ToTable("agent_availability");
        b.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique();
    }
}
