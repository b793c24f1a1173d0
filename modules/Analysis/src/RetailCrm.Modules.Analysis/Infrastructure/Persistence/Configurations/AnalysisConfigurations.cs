using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Analysis.Domain.Facts;
using RetailCrm.Modules.Analysis.Domain.Results;
using RetailCrm.Modules.Analysis.Domain.Rfm;
using RetailCrm.Modules.Analysis.Domain.Runs;

namespace RetailCrm.Modules.Analysis.Infrastructure.Persistence.Configurations;

internal sealed class PurchaseFactConfiguration : IEntityTypeConfiguration<PurchaseFact>
{
    public void Configure(EntityTypeBuilder<PurchaseFact> b)
    {
        b.ToTable("purchase_facts");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.StoreCode).HasMaxLength(40);
        b.Property(x => x.ReceiptId).HasMaxLength(80);
        b.HasIndex(x => new { x.TenantId, x.CustomerId });
    }
}

internal sealed class CardFactConfiguration : IEntityTypeConfiguration<CardFact>
{
    public void Configure(EntityTypeBuilder<CardFact> b)
    {
        b.ToTable("card_facts");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.MaskedNumber).HasMaxLength(40);
        b.Property(x => x.ProductCode).HasMaxLength(40);
        b.Property(x => x.StoreCode).HasMaxLength(40);
        b.HasIndex(x => new { x.TenantId, x.CustomerId });
    }
}

internal sealed class CardEntryFactConfiguration : IEntityTypeConfiguration<CardEntryFact>
{
    public void Configure(EntityTypeBuilder<CardEntryFact> b)
    {
        b.ToTable("card_entry_facts");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.StoreCode).HasMaxLength(40);
        b.Property(x => x.ReceiptId).HasMaxLength(80);
        b.HasIndex(x => new { x.TenantId, x.CardId });
        b.HasIndex(x => new { x.TenantId, x.ReceiptId });
    }
}

internal sealed class TicketFactConfiguration : IEntityTypeConfiguration<TicketFact>
{
    public void Configure(EntityTypeBuilder<TicketFact> b)
    {
        b.ToTable("ticket_facts");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.TypeKey).HasMaxLength(40);
        b.HasIndex(x => new { x.TenantId, x.CustomerId });
    }
}

internal sealed class DealFactConfiguration : IEntityTypeConfiguration<DealFact>
{
    public void Configure(EntityTypeBuilder<DealFact> b)
    {
        b.ToTable("deal_facts");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.HasIndex(x => new { x.TenantId, x.CustomerId });
    }
}

internal sealed class CustomerScoreConfiguration : IEntityTypeConfiguration<CustomerScore>
{
    public void Configure(EntityTypeBuilder<CustomerScore> b)
    {
        b.ToTable("customer_scores");
        b.HasKey(x => new { x.TenantId, x.CustomerId });
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.Tier).HasMaxLength(60);
        b.Property(x => x.LifecycleClass).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Segment).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PreviousSegment).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ProblemReasons).HasMaxLength(100);
        b.Property(x => x.Score).HasPrecision(6, 3);
        b.HasIndex(x => new { x.TenantId, x.Segment, x.Monetary });
        b.HasIndex(x => new { x.TenantId, x.ProblemScore });
        b.HasIndex(x => new { x.TenantId, x.LastPurchaseAt });
        b.HasIndex(x => new { x.TenantId, x.UnitId });
        b.HasIndex(x => new { x.TenantId, x.OwnerUserId });
    }
}

internal sealed class SegmentCellConfiguration : IEntityTypeConfiguration<SegmentCell>
{
    public void Configure(EntityTypeBuilder<SegmentCell> b)
    {
        b.ToTable("segment_cells");
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.TenantId, x.UnitId });
    }
}

internal sealed class ParetoPointConfiguration : IEntityTypeConfiguration<ParetoPoint>
{
    public void Configure(EntityTypeBuilder<ParetoPoint> b)
    {
        b.ToTable("pareto_points");
        b.HasKey(x => new { x.TenantId, x.Percent });
        b.Property(x => x.RevenueShare).HasPrecision(7, 3);
    }
}

internal sealed class ConsumptionCellConfiguration : IEntityTypeConfiguration<ConsumptionCell>
{
    public void Configure(EntityTypeBuilder<ConsumptionCell> b)
    {
        b.ToTable("consumption_cells");
        b.Property(x => x.Dimension).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Key).HasMaxLength(60);
        b.HasIndex(x => new { x.TenantId, x.Dimension, x.Month });
    }
}

internal sealed class AnalysisConfigurationConfiguration : IEntityTypeConfiguration<AnalysisConfiguration>
{
    public void Configure(EntityTypeBuilder<AnalysisConfiguration> b)
    {
        b.ToTable("configurations");
        b.Property(x => x.RecencyWeight).HasPrecision(9, 3);
        b.Property(x => x.FrequencyWeight).HasPrecision(9, 3);
        b.Property(x => x.MonetaryWeight).HasPrecision(9, 3);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.TenantId).IsUnique();
    }
}

internal sealed class RecomputeRunConfiguration : IEntityTypeConfiguration<RecomputeRun>
{
    public void Configure(EntityTypeBuilder<RecomputeRun> b)
    {
        b.ToTable("recompute_runs");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Phase).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Trigger).HasMaxLength(10);
        b.Property(x => x.Error).HasMaxLength(RecomputeRun.MaxErrorLength);
        b.Property(x => x.PhaseTimings).HasMaxLength(RecomputeRunTimings.MaxLength);
        b.HasIndex(x => new { x.TenantId, x.StartedAt });
    }
}

internal sealed class AnalysisStateConfiguration : IEntityTypeConfiguration<AnalysisState>
{
    public void Configure(EntityTypeBuilder<AnalysisState> b)
    {
        b.ToTable("states");
        b.HasKey(x => x.TenantId);
        b.Property(x => x.TenantId).ValueGeneratedNever(); // the kernel stamps the tenant; a generated key would be another tenant's
    }
}
