using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Members.Domain;

internal enum ImportKind
{
    Customers,
    Purchases,
}

internal enum ImportStatus
{
    Uploaded,
    DryRun,
    Committed,
    Failed,
}

/// <summary>An uploaded file, its column mapping and the report of its dry run and commit.</summary>
internal sealed class ImportBatch : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public ImportKind Kind { get; set; }

    public string FileName { get; set; } = "";

    [Sensitive]
    public byte[] Content { get; set; } = [];

    /// <summary>JSON: target field to source column.</summary>
    public string Mapping { get; set; } = "{}";

    public ImportStatus Status { get; set; }

    public int TotalRows { get; set; }

    public int ErrorRows { get; set; }

    public int DuplicateRows { get; set; }

    public int ImportedRows { get; set; }

    /// <summary>JSON: the row-by-row report of the last dry run or commit.</summary>
    public string Report { get; set; } = "[]";

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? CommittedAt { get; set; }
}
