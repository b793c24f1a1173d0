using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Members.Domain;

internal enum ChangeRequestStatus
{
    /// <summary>Waiting for the department supervisor's review.</summary>
    PendingReview,

    /// <summary>Reviewed; waiting for the data administrator's approval.</summary>
    PendingApproval,

    Approved,
    Rejected,
}

/// <summary>A proposed change of a customer that needs review and approval before the record changes.</summary>
internal sealed class ChangeRequest : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CustomerId { get; set; }

    /// <summary>JSON of the proposed customer input.</summary>
    public string Proposed { get; set; } = "";

    /// <summary>Human-readable list of the changed fields: "Phone: +8613800000000 → +8613900000000".</summary>
    public string Summary { get; set; } = "";

    public ChangeRequestStatus Status { get; set; }

    public string RequestedBy { get; set; } = "";

    public DateTime RequestedAt { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTime? ReviewedAt { get; set; }

    /// <summary>What the supervisor said at review; <see cref="Comment"/> is what the data administrator said at the decision.</summary>
    public string? ReviewComment { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? Comment { get; set; }

    /// <summary>The customer's <see cref="Customer.Version"/> the change was proposed against.</summary>
    public long BaseVersion { get; set; }
}
