using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Members.Domain;

/// <summary>A merge: which customers went into the survivor, which values were kept, and what the merged records held.</summary>
internal sealed class MergeRecord : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid SurvivorId { get; set; }

    /// <summary>Ids of the merged customers, comma-separated.</summary>
    public string MergedIds { get; set; } = "";

    /// <summary>JSON: the merged customers as they were before the merge.</summary>
    public string Snapshot { get; set; } = "";

    /// <summary>JSON: field name to the id of the customer whose value the survivor kept.</summary>
    public string FieldChoices { get; set; } = "{}";

    public string MergedBy { get; set; } = "";

    public DateTime MergedAt { get; set; }
}

internal enum DuplicateStatus
{
    Open,
    Dismissed,
    Merged,
}

/// <summary>A pair of customers that are probably the same, found by the duplicate scan, with a score 0–100.</summary>
internal sealed class DuplicateCandidate : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid FirstId { get; set; }

    public Guid SecondId { get; set; }

    public int Score { get; set; }

    public string Reasons { get; set; } = "";

    public DuplicateStatus Status { get; set; }

    public DateTime FoundAt { get; set; }
}
