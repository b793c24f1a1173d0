using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Domain.FollowUps;

/// <summary>Where a follow-up visit stands.</summary>
internal enum FollowUpStatus
{
    /// <summary>Waits for its due time.</summary>
    Scheduled,

    /// <summary>Its follow-up ticket was opened.</summary>
    Opened,

    /// <summary>The original ticket was re-opened before the due time.</summary>
    Cancelled,

    /// <summary>The follow-up ticket could not be opened; <see cref="FollowUp.Reason"/> says why.</summary>
    Failed,
}

/// <summary>
/// A follow-up visit (回访) scheduled when a ticket of a type with follow-up days was closed: at <see cref="DueAt"/> a
/// job opens a follow-up ticket for the owning agent. <see cref="Version"/> keeps a second run from opening it twice.
/// </summary>
internal sealed class FollowUp : ITenantOwned
{
    public const int MaxReasonLength = 400;

    private FollowUp()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    /// <summary>The closed ticket to follow up.</summary>
    public Guid TicketId { get; private set; }

    public Guid? AgentUserId { get; private set; }

    public DateTime ScheduledAt { get; private set; }

    public DateTime DueAt { get; private set; }

    public FollowUpStatus Status { get; private set; }

    /// <summary>The follow-up ticket, once opened.</summary>
    public Guid? FollowUpTicketId { get; private set; }

    public string? Reason { get; private set; }

    public int Version { get; private set; }

    public static FollowUp Schedule(Guid ticketId, Guid? agent, DateTime now, int afterDays) => new()
    {
        Id = Guid.NewGuid(),
        TicketId = ticketId,
        AgentUserId = agent,
        ScheduledAt = now,
        DueAt = now.AddDays(afterDays),
        Status = FollowUpStatus.Scheduled,
    };

    public void Opened(Guid followUpTicketId) => Move(FollowUpStatus.Opened, followUpTicketId, null);

    public void Cancel() => Move(FollowUpStatus.Cancelled, null, null);

    public void Fail(string reason) => Move(FollowUpStatus.Failed, null, reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason);

    private void Move(FollowUpStatus status, Guid? ticket, string? reason)
    {
        Status = status;
        FollowUpTicketId = ticket;
        Reason = reason;
        Version++;
    }
}
