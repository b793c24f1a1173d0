using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Members.Domain;

namespace RetailCrm.Modules.Members.Infrastructure.Persistence.Configurations;

internal sealed class MergeRecordConfiguration : IEntityTypeConfiguration<MergeRecord>
{
    public void Configure(EntityTypeBuilder<MergeRecord> b)
    {
        b.ToTable("merge_records");
        b.Property(x => x.MergedBy).HasMaxLength(200);
        b.HasIndex(x => x.SurvivorId);
    }
}

internal sealed class DuplicateCandidateConfiguration : IEntityTypeConfiguration<DuplicateCandidate>
{
    public void Configure(EntityTypeBuilder<DuplicateCandidate> b)
    {
        b.ToTable("duplicate_candidates");
        b.Property(x => x.Reasons).HasMaxLength(500);
        b.HasIndex(x => new { x.TenantId, x.FirstId, x.SecondId }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.Status, x.Score });
    }
}

internal sealed class ChangeRequestConfiguration : IEntityTypeConfiguration<ChangeRequest>
{
    public void Configure(EntityTypeBuilder<ChangeRequest> b)
    {
        b.ToTable("change_requests");
        b.Property(x => x.RequestedBy).HasMaxLength(200);
        b.Property(x => x.ReviewedBy).HasMaxLength(200);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.Comment).HasMaxLength(1000);
        b.Property(x => x.ReviewComment).HasMaxLength(1000);
        b.HasIndex(x => new { x.TenantId, x.Status });
        b.HasIndex(x => x.CustomerId);
    }
}

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.ToTable("import_batches");
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.TenantId, x.CreatedAt });
    }
}
